"""The "denial_reports" stage: a denial that names nothing is also news of its own, "the
office called the report false", a claim about who denied."""

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .labels import Stance
from .names import name_skeleton

Doc.set_extension("denial_reports", default=None, force=True)

# The term every denial report shares, so that outlets' reports of one speaker's denial meet.
DENIAL_REPORT_TERM = "~denied"


@Language.component("denial_reports")
def denial_reports(doc):
    """Writes doc._.denial_reports: a report of each bare denial whose speaker is known, as a
    Statement of the same sentence, asserted by the outlet, about the speaker's name."""
    reports = [_report_of(s) for s in doc._.statements if s.needs_target and s.speaker]
    doc._.denial_reports = [report for report in reports if report is not None]
    return doc


def _report_of(denial):
    name_terms = {f"~{name_skeleton(word)}" for word in denial.speaker.name.split()}
    name_terms = {term for term in name_terms if len(term) > 2}
    if not name_terms:
        return None
    named = denial.speaker.name.split()[-1].lower() in denial.sentence.lower()
    return replace(
        denial,
        content=denial.sentence if named else f"{denial.speaker.name}: {denial.sentence}",
        stance=Stance.REPEATS,
        terms=frozenset(name_terms | {DENIAL_REPORT_TERM}),
        needs_target=False,
        answers=None,
        close_candidates=(),
        answers_all=(),
        answers_in_sentence=False,
    )

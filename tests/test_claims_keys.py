"""The keys statements are compared by: names and their common words, dates, stacked endings,
and denials that name what they deny in a few words."""

from claims.analysis.labels import Stance
from claims.analysis.statements import content_terms
from claims.analysis.terms import number_keys, word_key
from claims.clustering import ClaimIndex


def test_a_noun_and_its_verb_meet_through_stacked_endings():
    assert word_key("disagreement") == word_key("disagree")
    assert word_key("settlement") == word_key("settle")


def test_a_named_thing_also_gives_its_common_word(nlp):
    named = content_terms(nlp("The Quarry Viaduct was shut by Marlow Council."))
    plain = content_terms(nlp("The viaduct was shut by the council."))
    assert plain <= named


def test_a_persons_name_gives_no_common_word(nlp):
    terms = content_terms(nlp("The mayor met Mara Quill in Varnholt on Sunday."))
    assert "quill" not in terms


def test_spelled_out_and_ordinal_dates_read_as_figures(nlp):
    for text in (
        "They met on the twenty-seventh of March.",
        "They met on March 27th.",
        "They met on 27 March.",
    ):
        assert number_keys(nlp(text)) == {"27"}
    assert number_keys(nlp("It was the first time.")) == set()


def test_a_reported_there_was_no_is_a_denial_of_the_noun(nlp):
    doc = nlp(
        "The Courier reported that the two owners of the ferry line quarrelled over the fares.\n\n"
        "Ivo Lind, one of the owners, insisted there was no quarrel between them.\n"
    )
    report, denial = doc._.statements
    assert denial.stance == Stance.DENIES
    assert denial.answers == 0


def test_a_plain_there_was_no_stays_a_report(nlp):
    doc = nlp("There was no ferry on Sunday because the harbour of Varnholt was closed by ice.")
    assert all(s.stance == Stance.REPEATS for s in doc._.statements)


def test_terms_beyond_the_rarest_few_are_looked_up_too():
    index = ClaimIndex()
    rare = [f"rare{n}" for n in range(6)]
    middling = ["ferry", "harbour", "fare"]
    for claim_id, term in enumerate(rare, start=1):
        index.add(claim_id, [term, f"other{claim_id}"])
    for claim_id in (20, 21):
        index.add(claim_id, [*middling, f"filler{claim_id}"])
    index.add(100, middling)
    assert index.best_match(frozenset(rare + middling)) in (20, 21, 100)

"""Who speaks a quotation quoted inside another: read from the grammar of the outer words."""

from .lexicon import DENYING_CUES, FIRST_PERSON_SUBJECTS, PRONOUN_GENDER, REPORTING_VERBS
from .speech import subject_of


def inner_speaker(resolver, quote, outer, outer_speaker):
    """The speaker of `quote`, which lies inside `outer` (said by `outer_speaker`): "We were
    told by the office, 'Not yet'" quotes the office, "he told me, 'No'" quotes him, and "I
    told them, 'No'" the outer speaker again. None when the outer words report nobody."""
    verb = _reporting_verb_inside(resolver.doc, quote, outer)
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    if subject.lower_ in FIRST_PERSON_SUBJECTS:
        return outer_speaker
    if subject.lower_ in PRONOUN_GENDER:
        return _person_meant(resolver, subject, outer, outer_speaker)
    return resolver.speaker_of(subject)


def _reporting_verb_inside(doc, quote, outer):
    """The nearest reporting verb above the inner quotation's words, within the outer one."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        for ancestor in token.ancestors:
            if not outer.start <= ancestor.idx < outer.end:
                break
            if quote.start <= ancestor.idx < quote.end:
                continue
            lemma = ancestor.lemma_.lower()
            if ancestor.pos_ == "VERB" and lemma in REPORTING_VERBS and lemma not in DENYING_CUES:
                return ancestor
    return None


def _person_meant(resolver, pronoun, outer, outer_speaker):
    """ "he told me" inside someone's words is the last person of that gender named before
    them, other than the one speaking."""
    gender = PRONOUN_GENDER[pronoun.lower_]
    speaking = outer_speaker.name.split()[-1:] if outer_speaker else []
    for ent in reversed(resolver.people):
        if ent.start_char >= outer.open_mark:
            continue
        person = resolver.person(ent)
        if person.name.split()[-1:] == speaking:
            continue
        if resolver.memory.gender.get(person.name, gender) == gender:
            return person
    return None

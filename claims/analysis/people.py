"""The "people" stage: the persons an article names outside quotations, by their full names."""

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import HONORIFICS, NAME_PARTICLES, PLATFORM_PREPOSITIONS, TITLE_WORDS
from .names import ascii_fold, name_skeleton, names_an_institution

Doc.set_extension("full_names", default=None, force=True)


@Language.component("people")
def people_stage(doc):
    """Writes doc.spans["people"], the PERSON entities that can be speakers, and
    doc._.full_names, the longest name given for each surname (by its skeleton)."""
    quotes = doc._.quotes
    addressed = _surnames_after_honorifics(doc)
    named = [
        ent
        for ent in doc._.index.entities
        if (ent.label_ == "PERSON" or name_skeleton(ent[-1].text) in addressed)
        and not any(q.start <= ent[0].idx < q.end for q in quotes)
        and not _is_a_place_to_post(ent)
        # "Lowtown Embassy" tagged PERSON: a name ending in "Embassy" is no one's.
        and not names_an_institution(ent.text)
    ]
    # A lone capitalised word tagged PERSON is often a place or a platform; a surname
    # counts once the article has given the full name.
    surnames = {name_skeleton(ent[-1].text) for ent in named if len(ent) > 1}
    surnames |= addressed
    people = [ent for ent in named if len(ent) > 1 or name_skeleton(ent.text) in surnames]
    full_names = {}
    for ent in people:
        full = with_name_particles(ent)
        words = full.split()
        known = full_names.get(name_skeleton(words[-1]))
        if known is None or len(words) > len(known.split()):
            full_names[name_skeleton(words[-1])] = full
    doc.spans["people"] = people
    doc._.full_names = full_names
    return doc


def _surnames_after_honorifics(doc):
    """Skeletons of the words called "Mr." or "Dr." somewhere: whatever the tagger made of
    "Ivo Lind" elsewhere, "Mr. Lind" says Lind is a person."""
    return {
        name_skeleton(doc[t.i + 1].text)
        for t in doc[:-1]
        if ascii_fold(t.lower_).rstrip(".") in HONORIFICS and doc[t.i + 1].is_title
    }


def _is_a_place_to_post(ent):
    """ "took to Twitter", "wrote on Telegram": the parser's PERSON is a platform here. A
    platform is one word; "spoke to Mara Quill" names a person."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ in PLATFORM_PREPOSITIONS


def with_name_particles(ent):
    """The PERSON entity's text, grown over "von der" and the like on either side."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end - 1 and ascii_fold(doc[start].text).strip(".-") in TITLE_WORDS:
        start += 1
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES:
        start -= 1
    while end < len(doc) - 1 and doc[end].lower_ in NAME_PARTICLES:
        end += 1
    if doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) and doc[end].is_title:
        end += 1
    return doc[start:end].text


def name_around_particles(token):
    """ "van der Berg said": a surname after name particles is a person."""
    doc = token.doc
    if token.is_title and token.i > 0 and doc[token.i - 1].lower_ in NAME_PARTICLES:
        start = token.i - 1
        while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES:
            start -= 1
        given_name = doc[start - 1] if start > 0 else None
        if (
            given_name is not None
            and given_name.is_title
            and ascii_fold(given_name.text) not in TITLE_WORDS
        ):
            start -= 1
        return doc[start : token.i + 1].text
    if token.lower_ in NAME_PARTICLES:
        end = token.i
        while end < len(doc) and doc[end].lower_ in NAME_PARTICLES:
            end += 1
        if end < len(doc) and doc[end].is_title:
            return doc[token.i : end + 1].text
    return ""

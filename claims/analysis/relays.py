"""The "relays" stage: who passed each statement's words on to the outlet."""

from spacy.language import Language

from .labels import SpeakerKind, Stance
from .speakers import SpeakerRef


@Language.component("relays")
def relays(doc):
    """Completes Statement.via: a statement credited to an outlet ("..., according to the
    Gazette") comes via that outlet, and a speaker the article already showed speaking through
    someone goes on speaking through them ("an official said ..., according to the Gazette",
    then "..., according to this official": both via the Gazette). Only reports: the outlet a
    denial names is the one whose report it rejects, not the one that carried the denial."""
    known = {}
    for statement in doc._.statements:
        speaker = statement.speaker
        if speaker is None or statement.stance != Stance.REPEATS:
            continue
        if statement.via is None and _credits_another(statement):
            statement.via = SpeakerRef(statement.credited_source, SpeakerKind.INSTITUTION)
        if statement.via is not None:
            known.setdefault(speaker.name, statement.via)
        elif speaker.name in known:
            statement.via = known[speaker.name]
    return doc


def _credits_another(statement):
    credited = statement.credited_source
    return bool(credited) and credited.lower() not in statement.speaker.name.lower()

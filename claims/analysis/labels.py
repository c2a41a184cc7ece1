"""The labels the analysis gives: a statement's stance, a speaker's kind, a quotation's kind."""

import enum


class Stance(enum.StrEnum):
    """What a statement does with a claim: states it, or says it is false."""

    REPEATS = "repeats"
    DENIES = "denies"


class SpeakerKind(enum.StrEnum):
    """Who a speaker is: a named person, an institution, or a source named only by role."""

    PERSON = "person"
    INSTITUTION = "institution"
    ANONYMOUS = "anonymous"


class QuoteKind(enum.StrEnum):
    """A quotation of someone's words, or a few words held at a distance ("so-called")."""

    SPEECH = "speech"
    SCARE = "scare"

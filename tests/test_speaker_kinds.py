"""A speaker's kind: a body named by its head noun is an institution whatever the tagger calls
it, and people stay people; invented articles, parsed by spaCy."""

import pytest

from claims.analysis.labels import SpeakerKind
from claims.analysis.names import names_an_institution, same_speaker_name


def quote_speakers(nlp, text):
    doc = nlp(text)
    return [(a.speaker.name, a.speaker.kind) for a in doc._.attributions if a.speaker]


@pytest.mark.parametrize(
    "text, name",
    [
        # The tagger calls this embassy a PERSON.
        ('Brackwater Embassy said the reports were "totally wrong."', "Brackwater Embassy"),
        ('The Lowtown Embassy said the reports were "totally wrong."', "Lowtown Embassy"),
        # "Foreign" is a title word too: "Foreign Secretary Jo Poe".
        ('The Veldrian Foreign Office said the talks were "over for now."', "Foreign Office"),
        ('Ministry of Transport said the bridge "will reopen in March."', "Ministry of Transport"),
        ('The president\'s office said the call "went well."', "president's office"),
        ('Lowtown City Council said the plan was "dead."', "Lowtown City Council"),
    ],
)
def test_a_body_named_by_its_head_noun_speaks_as_an_institution(nlp, text, name):
    ((speaker, kind),) = quote_speakers(nlp, text)
    assert name in speaker
    assert kind == SpeakerKind.INSTITUTION


@pytest.mark.parametrize(
    "text, name",
    [
        ('Councillor Mara Quill said the plan was "dead."', "Mara Quill"),
        ('Margaret Court said the plan was "dead."', "Margaret Court"),
        (
            'Mara Quill, a spokeswoman for the Lowtown Council, said the plan was "dead."',
            "Mara Quill",
        ),
    ],
)
def test_people_beside_bodies_and_with_body_like_surnames_stay_people(nlp, text, name):
    assert quote_speakers(nlp, text) == [(name, SpeakerKind.PERSON)]


@pytest.mark.parametrize(
    "name, institution",
    [
        ("the Lowtown Embassy", True),
        ("Ministry of Transport", True),
        ("Foreign Office", True),
        ("Margaret Court", False),
        ("Mara Quill", False),
        ("the Ministry", True),
        # "Court" is a surname too ("Margaret Court"): the tagger's label decides.
        ("Court of Appeal", False),
    ],
)
def test_a_name_is_a_bodys_by_its_last_word_or_its_first_before_of(name, institution):
    assert names_an_institution(name) is institution


def test_a_title_in_front_does_not_make_another_person():
    assert same_speaker_name("Mayor Maja Lind", "Maja Lind", SpeakerKind.PERSON)
    assert same_speaker_name("Dr. Lind", "Maja Lind", SpeakerKind.PERSON)
    assert not same_speaker_name("Mayor Tomas Lind", "Maja Lind", SpeakerKind.PERSON)

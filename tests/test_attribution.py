"""Who said it: each attribution pattern on small hand-written articles, parsed by spaCy."""

import pytest

from claims.analysis.names import same_speaker_name


def speakers_of_quotes(nlp, text):
    doc = nlp(text)
    return [
        (span.text, attribution.speaker.name if attribution.speaker else None)
        for span, attribution in zip(doc._.quotes, doc._.attributions, strict=True)
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"The bridge will reopen in March," Maria Lopez said.', "Maria Lopez"),
        ('Maria Lopez told reporters: "The bridge will reopen in March."', "Maria Lopez"),
        ('"The bridge will reopen in March," tweeted Maria Lopez.', "Maria Lopez"),
        ('"The bridge will reopen in March," Maria Lopez wrote on Facebook.', "Maria Lopez"),
        (
            'The bridge "will reopen in March after the repairs end," according to Maria Lopez.',
            "Maria Lopez",
        ),
        (
            'A spokeswoman for the transport ministry, Maria Lopez, said "the bridge will reopen '
            'in March."',
            "Maria Lopez",
        ),
        (
            'Transport ministry spokeswoman Maria Lopez insisted: "The bridge will reopen in '
            'March."',
            "Maria Lopez",
        ),
    ],
)
def test_reporting_patterns_credit_the_named_speaker(nlp, text, speaker):
    (quote_text, quote_speaker), *_ = speakers_of_quotes(nlp, text)
    assert "reopen in March" in quote_text
    assert quote_speaker == speaker


def test_pronoun_resolves_to_the_earlier_speaker(nlp):
    text = (
        "Harbour master Tomas Berg said the port was safe.\n\n"
        '"We inspected every crane last week and found nothing wrong," he added.'
    )
    assert speakers_of_quotes(nlp, text)[0][1] == "Tomas Berg"


def test_pronoun_skips_a_speaker_of_the_other_gender(nlp):
    text = (
        "Mayor Anna Weiss said the budget was balanced.\n\n"
        '"The figures are clear and the council agrees with them," she said.\n\n'
        "Opposition leader Piotr Nowak disagreed.\n\n"
        '"Nobody has seen the figures for the coming year at all," he said.'
    )
    assert [speaker for _, speaker in speakers_of_quotes(nlp, text)] == [
        "Anna Weiss",
        "Piotr Nowak",
    ]


def test_split_quote_has_one_speaker(nlp):
    text = '"The dam is safe," the engineer Lena Fischer said. "We checked it twice this spring."'
    assert [speaker for _, speaker in speakers_of_quotes(nlp, text)] == [
        "Lena Fischer",
        "Lena Fischer",
    ]


def test_anonymous_official_is_a_speaker_of_its_own_kind(nlp):
    text = 'A senior Norwegian official said "the talks collapsed after midnight without a deal."'
    speaker = nlp(text)._.attributions[0].speaker
    assert speaker.kind == "anonymous"
    assert "official" in speaker.name
    assert "senior" not in speaker.name


def test_definite_reference_points_back_to_the_anonymous_source(nlp):
    text = (
        'A Danish diplomat said "the treaty is dead in its present form."\n\n'
        '"Nobody wants to sign it any more," the diplomat added.'
    )
    speakers = [speaker for _, speaker in speakers_of_quotes(nlp, text)]
    assert speakers[0] == speakers[1]


def test_statement_read_out_by_an_institution(nlp):
    text = 'The port "will reopen on Monday after the storm," the Harbour Authority statement said.'
    assert speakers_of_quotes(nlp, text)[0][1] == "Harbour Authority"


def test_scare_quote_is_kept_apart_from_speech(nlp):
    text = 'Critics called the plan "reckless" during the debate on Monday.'
    assert [span.kind for span in nlp(text)._.quotes] == ["scare"]


@pytest.mark.parametrize(
    "name, known, kind, same",
    [
        ("Dmitri Sokolov", "Dmitry Sokolow", "person", True),
        ("Lind", "Maja Linde", "person", True),
        ("Maja Lind", "Tomas Lind", "person", False),
        ("Peter Hall", "Maria Quinn", "person", False),
        ("Norwegian official", "Norwegian government official", "anonymous", True),
        ("official", "Norwegian official", "anonymous", False),
        ("Danish official", "Norwegian official", "anonymous", False),
    ],
)
def test_spelling_variants_are_one_speaker_and_others_are_not(name, known, kind, same):
    assert same_speaker_name(name, known, kind) is same

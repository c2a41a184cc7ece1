"""Who speaks in nested quotes, documents, headlines and translated text: invented articles."""

import pytest


def speakers(nlp, text):
    doc = nlp(text)
    return [
        (span.text, attribution.speaker.name if attribution.speaker else None)
        for span, attribution in zip(doc._.quotes, doc._.attributions, strict=True)
    ]


def speaker_of(nlp, text, words):
    """The speaker of the shortest quotation holding `words`: an inner one, not its outer."""
    found = sorted((len(q), s) for q, s in speakers(nlp, text) if words in q)
    return found[0][1] or ""


def test_a_passive_agent_inside_a_quote_speaks_the_inner_quote(nlp):
    text = (
        "Two engineers spoke to the Lowtown Gazette.\n\n"
        "“We were told by the harbour office, ‘Wait for the regatta,’” the other engineer said. "
        "“We wrote it down.”"
    )
    assert "office" in speaker_of(nlp, text, "Wait for the regatta")
    assert "engineer" in speaker_of(nlp, text, "We wrote it down")


def test_he_told_me_inside_a_quote_is_the_person_she_spoke_to(nlp):
    text = (
        "Minister Greta Varn said she had spoken to chief executive Piet Lark on Tuesday. "
        "“I asked him directly, and he told me, ‘The bakery stays in town,’” she told reporters."
    )
    assert speaker_of(nlp, text, "The bakery stays in town") == "Piet Lark"
    assert speaker_of(nlp, text, "I asked him") == "Greta Varn"


def test_words_reported_inside_a_transcript_turn_are_the_reported_speakers(nlp):
    text = (
        "ODO REEF: Councillor Mara Quill told us this afternoon that you "
        '"gambled with the ferry." What do you say?\n\n'
        "JO POE: I say the ferry is safe."
    )
    assert "Quill" in speaker_of(nlp, text, "gambled with the ferry")


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ('The 3 May memo said the pier was "beyond repair".', "beyond repair", "memo"),
        (
            'One engineer said the memo’s summary page carried the heading "Severe rust on beams".',
            "Severe rust",
            "memo",
        ),
        (
            'The memo reached the board in May. Its summary page was headed "Severe rust".',
            "Severe rust",
            "memo",
        ),
        (
            'A widely shared post on social media turned this into "Lowtown is shutting the pier".',
            "shutting",
            "post",
        ),
    ],
)
def test_a_document_speaks_its_own_words(nlp, text, words, expected):
    assert expected in speaker_of(nlp, text, words)


def test_a_person_describing_a_document_speaks_for_themself(nlp):
    text = 'Ivo Lind said the memo described the damage as "worn but sound".'
    assert speaker_of(nlp, text, "worn but sound") == "Ivo Lind"


def test_a_statement_said_in_a_second_clause_is_its_owners(nlp):
    text = (
        "The remarks sit awkwardly with Brackwell Foods' statement on Monday, which called the "
        'report "a fairy tale" and said "the board never sat that week."'
    )
    assert "Brackwell" in speaker_of(nlp, text, "the board never sat")


def test_a_participle_without_subject_speaks_as_the_clause_before(nlp):
    text = (
        "Brackwell Foods shares rose after the company pushed back against the reports, "
        "telling investors there was ''nothing in it'' to them."
    )
    assert "Brackwell" in speaker_of(nlp, text, "nothing in it")


def test_a_role_in_a_headline_is_the_person_named_with_it(nlp):
    text = (
        'Lowtown CEO: "The ovens stay lit" on wages\n\n'
        "Lowtown Foods chief executive Mara Quill said on Thursday that no plan was final."
    )
    assert speaker_of(nlp, text, "The ovens stay lit") == "Mara Quill"


def test_a_name_after_the_verb_speaks_and_an_honorific_makes_a_person(nlp):
    text = (
        "Odile Brannock declared that the works were late. « I ought to have phoned the "
        "council », declared Mr. Brannock in a communiqué."
    )
    assert "Brannock" in speaker_of(nlp, text, "I ought to have phoned")


def test_speaking_to_a_person_does_not_make_them_a_platform(nlp):
    doc = nlp("Mara Quill said she had spoken to chief executive Daniel Hartley by phone.")
    assert "Daniel Hartley" in [ent.text for ent in doc.spans["people"]]


def test_a_translated_participle_at_the_end_credits_the_subject_of_have(nlp):
    text = (
        "Lowtown Foods chief executive Mara Quill met the staff. The participant said, the "
        "chief executive had the relocation as «a fresh start for the bakery» described."
    )
    assert speaker_of(nlp, text, "a fresh start") == "Mara Quill"

"""Who speaks when words are relayed, sourced, owned or set apart: invented articles, parsed."""

import pytest

from tests.analysed import attributions


def speakers(nlp, text):
    return [speaker for _, speaker, _ in attributions(nlp, text)]


def test_relayed_speech_is_the_quoted_persons_via_the_relayer(nlp):
    text = (
        "Mara Quill met the harbour board on Monday. A city official said Quill told the "
        'board that "the ferries will stop at midnight."'
    )
    (_, speaker, via), *_ = attributions(nlp, text)
    assert "Quill" in speaker
    assert via is not None and "official" in via


def test_a_person_cited_by_a_source_speaks_through_it(nlp):
    text = (
        'Mara Quill told the meeting that "the ferries will stop at midnight," according to '
        "one attendee."
    )
    (_, speaker, via), *_ = attributions(nlp, text)
    assert speaker == "Mara Quill"
    assert via is not None and "attendee" in via


def test_according_to_alone_credits_the_source(nlp):
    text = 'The ferries "will stop at midnight," according to the Lowtown Gazette.'
    (_, speaker, _via), *_ = attributions(nlp, text)
    assert speaker is not None and "Gazette" in speaker


def test_telling_an_outlet_makes_it_the_relay(nlp):
    text = '"The ferries will stop at midnight," Mara Quill told the Lowtown Gazette.'
    (_, speaker, via), *_ = attributions(nlp, text)
    assert speaker == "Mara Quill"
    assert via is not None and "Gazette" in via


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '"The report is wrong," the mayor\'s office said in a statement.',
            "office",
        ),
        ('"We have no comment," the harbour ministry said.', "ministry"),
        (
            'Brackwell Foods denied the report. "It is false," the company said.',
            "Brackwell",
        ),
    ],
)
def test_institutions_named_by_a_noun_speak(nlp, text, expected):
    speaker = speakers(nlp, text)[0]
    assert speaker is not None and expected in speaker


def test_it_points_back_at_the_institution_that_spoke(nlp):
    text = (
        "The Lowtown Ferry Company said on Monday that the sailings would end. "
        'It added that its boats "are not built for lorries."'
    )
    assert "Ferry Company" in (speakers(nlp, text)[0] or "")


def test_the_holder_of_a_role_for_someone_speaks(nlp):
    text = (
        '"The claims are baseless," a spokesman for the mayor, Rafe Dunmore, said on Monday '
        "evening."
    )
    assert speakers(nlp, text) == ["Rafe Dunmore"]


def test_the_other_source_is_a_new_one_not_the_last_person(nlp):
    text = (
        "Mara Quill chairs the harbour board. Two engineers spoke to the Gazette.\n\n"
        '"The girders are rusting," the other engineer said.'
    )
    speaker = speakers(nlp, text)[0]
    assert speaker is not None and "engineer" in speaker


def test_a_dash_after_the_quote_credits_the_name(nlp):
    text = (
        "The vote is on Friday.\n\n"
        '"A bridge is not a timetable."\n\n'
        "— Odile Brannock, council member\n\n"
        "The motion needs four votes."
    )
    assert speakers(nlp, text) == ["Odile Brannock"]


def test_a_headline_name_before_a_colon_speaks(nlp):
    text = (
        'Mayor Mara Quill on the ferry: "We will not resign"\n\n'
        "Mara Quill spoke to reporters on Tuesday about the harbour."
    )
    assert speakers(nlp, text) == ["Mara Quill"]


def test_a_second_quote_in_the_paragraph_keeps_the_voice(nlp):
    text = (
        '"We never said that," the harbour spokesman, Rafe Dunmore, said when he was asked '
        "whether the office had denied receiving any warning about the rusting girders. "
        '"What is false is the idea that anyone chose a festival over the bridge."'
    )
    assert speakers(nlp, text) == ["Rafe Dunmore", "Rafe Dunmore"]


def test_a_role_named_again_is_the_person_who_holds_it(nlp):
    text = (
        "Brackwell Foods chief executive Daniel Hartley met the staff on Monday. One attendee "
        'said the chief executive had described the move as "the only way forward."'
    )
    (_, speaker, via), *_ = attributions(nlp, text)
    assert speaker == "Daniel Hartley"
    assert via is not None and "attendee" in via


def test_a_statement_described_in_a_relative_clause_is_its_owners(nlp):
    text = (
        "The podcast sits awkwardly with Brackwell Foods' statement on Monday, which called "
        'the report "speculative and wrong."'
    )
    speaker = speakers(nlp, text)[0]
    assert speaker is not None and "Brackwell" in speaker


def test_a_pronoun_after_a_newly_named_subject_is_that_person(nlp):
    text = (
        "Mara Quill said the depot would close in March.\n\n"
        "Ivo Lind, the director, runs the night shift. He said the trams would run until May."
    )
    events = nlp(text)._.speech_events
    assert [e.speaker.name for e in events if e.speaker] == ["Mara Quill", "Ivo Lind"]


def test_a_pronoun_read_late_points_at_who_spoke_before_it_not_after(nlp):
    text = (
        "Mara Quill spoke at the depot on Monday. She said the plan was final.\n\n"
        "“We have no choice, and the depot will close in March.”\n\n"
        "Ivo Lind, the director, said the trams would run until May."
    )
    doc = nlp(text)
    (quote,) = [q for q in doc._.quotes if "no choice" in q.text]
    speaker = doc._.attributions[doc._.quotes.index(quote)].speaker
    assert speaker is not None and speaker.name == "Mara Quill"

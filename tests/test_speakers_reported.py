"""Who speaks when others are named inside what is reported: invented articles, parsed."""

from tests.analysed import attributions


def test_a_person_named_in_a_reported_clause_is_not_the_next_he(nlp):
    text = (
        '"The tolls cannot be said to have worked," harbour spokesman Ivo Brandt told '
        "reporters this week, adding that Mayor Selma Ducray would be reviewing the figures.\n"
        '"No matter how far apart we are, talks are always needed," he said.'
    )
    assert [speaker for _, speaker, _ in attributions(nlp, text)] == ["Ivo Brandt"] * 2


def test_a_verb_without_a_speaker_gives_way_to_the_teller(nlp):
    text = (
        'The split suggests "a gap in how the two boards read the tide tables," Petra Lund, '
        "a senior fellow at the Orrin Institute, previously told the Lowtown Gazette."
    )
    ((_, speaker, via),) = attributions(nlp, text)
    assert speaker == "Petra Lund"
    assert via is not None and "Gazette" in via


def test_a_second_said_tied_to_the_reported_verb_is_the_outer_speakers(nlp):
    text = (
        "Lowtown Mayor Mara Quill met the board. Later the harbour's chief Ivo Brandt posted "
        "a note. Lowtown's mayor said she thanked Brandt for the help and said \"new funding "
        'for the docks was also discussed."'
    )
    ((_, speaker, _),) = attributions(nlp, text)
    assert speaker == "Mara Quill"


def test_an_instruction_told_to_someone_is_the_sources_account(nlp):
    text = (
        'Mara Quill told Ivo Brandt to "slow down the ferries" because it was alarming '
        "riders, the Lowtown Gazette reported, citing an unnamed harbour official."
    )
    ((_, speaker, _),) = attributions(nlp, text)
    assert "official" in speaker


def test_words_told_to_a_room_stay_with_the_teller(nlp):
    text = '"We cannot stay a small port," Mara Quill told the room, according to one attendee.'
    ((_, speaker, via),) = attributions(nlp, text)
    assert speaker == "Mara Quill"
    assert via is not None and "attendee" in via

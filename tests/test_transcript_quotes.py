"""Quotations without marks: transcript turns, whose labels name their speakers, and posts."""

from claims.analysis.quotes import find_quotes

INTERVIEW = (
    "LOWTOWN RADIO — TRANSCRIPT\n\n"
    "Broadcast: Monday 3 March, 7:00 PM\n\n"
    "MARA QUILL (HOST): Good evening. The ferry strike is in its third day. "
    "Is there an end in sight?\n\n"
    "COUNCILLOR TOBIN ASHE: Not tonight. The operator has not returned a single call.\n\n"
    'QUILL: The operator says it "has made a fair offer". Has it?\n\n'
    "ASHE: No. A fair offer would not cut the night crossings.\n\n"
    "[END OF TRANSCRIPT]"
)


def turns(body):
    return [(span.speaker_label, span.text) for span in find_quotes(body) if span.nested_in is None]


def test_each_turn_is_a_quote_of_its_speaker():
    assert turns(INTERVIEW) == [
        (
            "Mara Quill",
            "Good evening. The ferry strike is in its third day. Is there an end in sight?",
        ),
        ("Tobin Ashe", "Not tonight. The operator has not returned a single call."),
        ("Mara Quill", 'The operator says it "has made a fair offer". Has it?'),
        ("Tobin Ashe", "No. A fair offer would not cut the night crossings."),
    ]


def test_a_turn_is_speech_and_spans_its_whole_paragraph():
    body = INTERVIEW
    first = find_quotes(body)[0]
    assert first.kind == "speech"
    assert body[first.end :].startswith("\n\nCOUNCILLOR")
    assert body[first.start - 2 : first.start] == ": "


def test_quote_inside_a_turn_is_found_too_and_points_at_its_turn():
    spans = find_quotes(INTERVIEW)
    (inner,) = [span for span in spans if span.nested_in is not None]
    assert inner.text == "has made a fair offer"
    assert inner.speaker_label == ""
    assert spans[inner.nested_in].speaker_label == "Mara Quill"


def test_header_labels_are_not_turns():
    body = (
        "Title: Ferry strike enters third day.\n\n"
        "Published: 3 March 2025.\n\n"
        "UPDATE: The talks resumed at noon.\n\n"
        "Note: This story has been corrected.\n\n"
        "CLAIM: The operator cut the night crossings.\n\n"
        "RATING: False."
    )
    assert find_quotes(body) == []


def test_a_headline_with_a_colon_is_not_a_turn():
    body = (
        "Evening Desk: Tobin Ashe on the ferry strike\n\n"
        "MARA QUILL: Good evening.\n\n"
        "TOBIN ASHE: Good evening.\n\n"
        "QUILL: Thank you."
    )
    assert [label for label, _ in turns(body)] == ["Mara Quill", "Tobin Ashe", "Mara Quill"]


def test_a_single_label_line_in_an_ordinary_article_is_not_a_turn():
    body = (
        "LOWTOWN: The council met on Tuesday. It voted to reopen the pier.\n\n"
        "The mayor, Ines Varga, welcomed the vote."
    )
    assert find_quotes(body) == []


def test_a_surname_label_takes_the_full_name_the_text_gives():
    body = (
        "This is a transcript of Mara Quill's interview with Tobin Ashe.\n\n"
        "QUILL: Why now?\n\n"
        "ASHE: Because the crossings matter.\n\n"
        "QUILL: Thank you."
    )
    assert [label for label, _ in turns(body)] == ["Mara Quill", "Tobin Ashe", "Mara Quill"]


def test_question_and_answer_turns_are_quotes_without_a_speaker_label():
    body = "Q: Will the pier reopen?\n\nA: Yes, in the spring.\n\nQ: Why so late?\n\nA: Money."
    assert turns(body) == [
        ("", "Will the pier reopen?"),
        ("", "Yes, in the spring."),
        ("", "Why so late?"),
        ("", "Money."),
    ]


def test_title_case_labels_with_name_particles_are_turns():
    body = (
        "Anja van der Berg: We will appeal.\n\n"
        "Tobin Ashe: On what grounds?\n\n"
        "Anja van der Berg: On every ground we have."
    )
    assert [label for label, _ in turns(body)] == [
        "Anja van der Berg",
        "Tobin Ashe",
        "Anja van der Berg",
    ]


def test_label_on_a_line_of_its_own_heads_the_next_paragraph():
    body = "MARA QUILL:\n\nWhere were you?\n\nTOBIN ASHE:\n\nAt the pier.\n\nQUILL:\n\nAll night?"
    assert turns(body) == [
        ("Mara Quill", "Where were you?"),
        ("Tobin Ashe", "At the pier."),
        ("Mara Quill", "All night?"),
    ]


def test_role_after_a_comma_is_dropped_from_the_speaker():
    body = (
        "MARA QUILL, HOST: The pier is shut again.\n\n"
        "TOBIN ASHE, BYLINE: It is, Mara. The council met at noon.\n\n"
        "QUILL: Thanks, Tobin."
    )
    assert [label for label, _ in turns(body)] == ["Mara Quill", "Tobin Ashe", "Mara Quill"]


def test_role_labels_of_several_words_give_no_speaker():
    body = (
        "UNIDENTIFIED MAN: Let us through!\n\nMARA QUILL: Tempers are high.\n\nQUILL: Back to you."
    )
    assert [label for label, _ in turns(body)] == ["", "Mara Quill", "Mara Quill"]


# Posts set out after "X wrote:"


def test_post_set_out_after_wrote_on_is_a_quote():
    body = (
        "Later, Ines Varga wrote on X:\n\n"
        "The pier reopens in May. Thank you to every volunteer.\n\n"
        "The council confirmed the date."
    )
    (span,) = find_quotes(body)
    assert span.text == "The pier reopens in May. Thank you to every volunteer."
    assert span.speaker_label == ""


def test_post_under_its_account_line_takes_the_account_name():
    body = (
        "Varga posted:\n\n"
        "Ines Varga @inesvarga\n\n"
        "The pier reopens in May. Thank you to every volunteer.\n\n"
        "9:14 AM · May 2, 2025"
    )
    (span,) = find_quotes(body)
    assert span.text == "The pier reopens in May. Thank you to every volunteer."
    assert span.speaker_label == "Ines Varga"


def test_embedded_post_signed_below_with_its_account_is_a_quote():
    body = (
        "The mayor answered within the hour.\n\n"
        "The pier reopens in May, whatever the council says. pic.example.com/x1\n\n"
        "— Ines Varga (@inesvarga) May 2, 2025\n\n"
        "The council did not reply."
    )
    (span,) = find_quotes(body)
    assert span.text == "The pier reopens in May, whatever the council says. pic.example.com/x1"
    assert span.speaker_label == "Ines Varga"


def test_post_signed_by_an_organisation_gives_no_person():
    body = "We are open again today.\n\n— Port of Lowtown (@lowtownport) May 2, 2025"
    (span,) = find_quotes(body)
    assert (span.text, span.speaker_label) == ("We are open again today.", "")


def test_a_list_after_a_colon_is_not_a_post():
    body = "The council said the plan had three parts:\n\nNew decking, new rails and new lights."
    assert find_quotes(body) == []


def test_paragraph_after_said_colon_with_its_own_marks_is_left_to_them():
    body = "Varga said:\n\n“The pier reopens in May,” and left."
    assert [span.text for span in find_quotes(body)] == ["The pier reopens in May,"]


# Through the pipeline


def test_turn_speaker_reaches_the_attribution(nlp):
    doc = nlp(INTERVIEW)
    speakers = [
        (attribution.speaker.name if attribution.speaker else None)
        for quote, attribution in zip(doc._.quotes, doc._.attributions, strict=True)
        if quote.nested_in is None
    ]
    assert speakers == ["Mara Quill", "Tobin Ashe", "Mara Quill", "Tobin Ashe"]
    assert all(
        attribution.cue == ""
        for quote, attribution in zip(doc._.quotes, doc._.attributions, strict=True)
        if quote.speaker_label
    )

"""Finding direct quotations in article bodies, including messy machine-translated ones."""

import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.analysis.quotes import find_quotes

STORY = Path(__file__).resolve().parents[1] / "data" / "stories" / "biden-zelensky-call"


def texts(body):
    return [span.text for span in find_quotes(body)]


def demo_body(prefix):
    """A demo article as the app stores it: one paragraph per line, separated by a blank line."""
    (path,) = STORY.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def assert_well_formed(body, spans):
    for index, span in enumerate(spans):
        assert body[span.start : span.end] == span.text
        assert span.text == span.text.strip()
        assert "\n\n" not in span.text or span.text.count("\n") == 2 * span.text.count("\n\n")
        assert span.open_mark <= span.start <= span.end <= span.close_mark
        assert span.kind in ("speech", "scare")
        if span.nested_in is not None:
            outer = spans[span.nested_in]
            assert span.nested_in < index
            assert outer.start <= span.start and span.end <= outer.end
    for earlier, later in pairwise(spans):
        assert earlier.start <= later.start
        if later.nested_in is None:
            assert earlier.close_mark < later.open_mark or earlier.end <= later.start


# Marks


def test_straight_double_quotes_are_found():
    body = 'The coach said "we will win the cup this year" after training.'
    assert texts(body) == ["we will win the cup this year"]


def test_curly_double_quotes_are_found():
    body = "“Nobody expected the harbour to flood so fast,” the mayor said."
    assert texts(body) == ["Nobody expected the harbour to flood so fast,"]


def test_span_offsets_point_inside_the_marks():
    body = "She said: “Come back tomorrow morning.”"
    (span,) = find_quotes(body)
    assert body[span.open_mark] == "“"
    assert body[span.close_mark] == "”"
    assert (span.start, span.end) == (span.open_mark + 1, span.close_mark)


def test_spaces_just_inside_the_marks_are_left_out():
    body = "The poster read « Nous restons ouverts tout l’été » in red."
    (span,) = find_quotes(body)
    assert span.text == "Nous restons ouverts tout l’été"
    assert body[span.start - 2 : span.start] == "« "


def test_punctuation_inside_the_marks_is_kept():
    body = "“That is simply false,” he said. “We never met.”"
    assert texts(body) == ["That is simply false,", "We never met."]


def test_low_opening_marks_and_guillemets_are_quotation_marks():
    body = "Er sagte „Wir kommen morgen zurück“ und ging. Elle dit « Nous partons demain »."
    assert texts(body) == ["Wir kommen morgen zurück", "Nous partons demain"]


def test_guillemets_pointing_inwards_are_read_by_their_position():
    body = "Sie schrieb »Der Zug fährt heute nicht mehr« an die Gruppe."
    assert texts(body) == ["Der Zug fährt heute nicht mehr"]


def test_straight_single_quotes_around_a_sentence_are_a_quote():
    body = "The reporter wrote: 'The bridge will reopen in the spring, the engineer said.'"
    assert texts(body) == ["The bridge will reopen in the spring, the engineer said."]


def test_curly_single_quotes_around_a_phrase_are_a_quote():
    body = "Officials called the visit ‘a complete success’ on Monday."
    assert texts(body) == ["a complete success"]


# Apostrophes


def test_apostrophes_inside_words_are_not_quotation_marks():
    body = "“I don’t think Norway’s plan can work,” said Ada. Then Oslo's mayor left."
    assert texts(body) == ["I don’t think Norway’s plan can work,"]


def test_straight_apostrophes_inside_words_are_not_quotation_marks():
    assert find_quotes("It's Lena's turn and she can't wait.") == []


def test_plural_possessive_is_not_a_closing_mark():
    body = "The students' union voted. ‘The teachers’ room stays shut,’ the head said."
    assert texts(body) == ["The teachers’ room stays shut,"]


def test_plural_possessive_closes_a_quote_that_has_no_other_end():
    body = "He told us ‘the trains run every ten minutes’ and walked off."
    assert texts(body) == ["the trains run every ten minutes"]


def test_decade_apostrophe_does_not_open_a_quote():
    body = "Music from the '80s is back, the DJ said ‘louder than ever’."
    assert texts(body) == ["louder than ever"]


# Broken and mixed-up marks


def test_reversed_single_marks_inside_a_double_quote_do_not_break_it():
    body = (
        "“The dam could be ’breached,‘ engineers may try to ’lower the lake', she said,” he wrote."
    )
    assert texts(body) == [
        "The dam could be ’breached,‘ engineers may try to ’lower the lake', she said,"
    ]


def test_mark_followed_by_punctuation_with_nothing_open_is_dropped():
    body = (
        "“The river rose fast. Marta saw … the mill” may be flooded “, crews will try to drain it."
    )
    assert texts(body) == ["The river rose fast. Marta saw … the mill"]


def test_opening_glyph_at_the_end_of_a_paragraph_closes_the_quote():
    body = "“The storm is over. Roads were also cleared. “\n\nNext paragraph."
    (span,) = find_quotes(body)
    assert span.text == "The storm is over. Roads were also cleared."
    assert body[span.close_mark] == "“"


def test_stray_mark_at_the_end_of_a_paragraph_is_dropped():
    body = "The council “approved” the plan. It was late. “"
    assert texts(body) == ["approved"]


def test_mismatched_curly_marks_pair_by_position():
    body = "The minister said ”we have no other choice“ and left."
    assert texts(body) == ["we have no other choice"]


# Split, nested and unbalanced quotations


def test_attribution_between_two_parts_splits_the_quote():
    body = "“The first ferry leaves at six,” she added. “The second one waits for the train.”"
    assert texts(body) == ["The first ferry leaves at six,", "The second one waits for the train."]


def test_nested_single_quotes_belong_to_the_outer_quote():
    body = "They backed “the rule of ‘no decision about us without us’.” on Friday."
    assert texts(body) == ["the rule of ‘no decision about us without us’."]


def test_speech_quoted_inside_a_quote_is_also_a_quote_of_its_own():
    body = "“We were told by the council, ‘Not before the fair,’” one engineer said."
    outer, inner = find_quotes(body)
    assert outer.text == "We were told by the council, ‘Not before the fair,’"
    assert inner.text == "Not before the fair,"
    assert (inner.nested_in, inner.kind) == (0, "speech")
    assert_well_formed(body, [outer, inner])


def test_straight_double_quotes_inside_straight_single_ones_are_found_too():
    body = "'She looked at me and said: \"Keep the gates shut tonight.\"' the guard recalled."
    assert texts(body) == [
        'She looked at me and said: "Keep the gates shut tonight."',
        "Keep the gates shut tonight.",
    ]


def test_doubled_apostrophes_are_double_quotation_marks():
    body = "The firm said there was ''no truth'' to it. ''We won't move,'' Ada Ruhl said."
    assert texts(body) == ["no truth", "We won't move,"]


def test_tex_style_marks_are_double_quotation_marks():
    body = "The sign read ``Closed until further notice'' on Monday morning."
    assert texts(body) == ["Closed until further notice"]


def test_quoted_field_of_front_matter_is_not_a_quote():
    body = 'title: "Port rates rise again"\n\ndate: 2025-01-02\n\nThe port said "rates rise."'
    assert texts(body) == ["rates rise."]


def test_unclosed_mark_inside_a_paragraph_is_dropped():
    body = "The mayor said “we will rebuild the old town and left.\n\nLater she said “never again.”"
    assert texts(body) == ["never again."]


def test_unclosed_quote_opening_a_sentence_after_a_comma_runs_to_the_paragraph_end():
    body = "The statement noted that, “The pier will reopen. Crews start Monday.\n\nIt said more."
    assert texts(body) == ["The pier will reopen. Crews start Monday."]


def test_unclosed_mark_never_runs_into_the_next_paragraph():
    body = "“The water came at night.\n\nNeighbours helped each other, the report said."
    (span,) = find_quotes(body)
    assert span.text == "The water came at night."
    assert span.close_mark == span.end


def test_quote_reopened_on_the_next_paragraph_is_one_quote_over_both():
    body = (
        "The chief engineer spoke first.\n\n"
        "“We checked every pillar of the bridge twice.\n\n"
        "“Nothing was left to chance,” she said."
    )
    (span,) = find_quotes(body)
    assert span.text == (
        "We checked every pillar of the bridge twice.\n\n“Nothing was left to chance,"
    )
    assert body[span.close_mark] == "”"


def test_quote_left_open_after_its_attribution_goes_on_in_the_next_paragraph():
    body = (
        "“The plan is sound,” Mara Quill said. “But the budget was cut in half.\n\n"
        "“Nobody told the crews,” she added."
    )
    first, second = find_quotes(body)
    assert first.text == "The plan is sound,"
    assert second.text == "But the budget was cut in half.\n\n“Nobody told the crews,"


def test_quote_over_three_paragraphs_is_one_quote():
    body = "He went on: “One.\n\n“Two.\n\n“Three,” he said."
    assert texts(body) == ["One.\n\n“Two.\n\n“Three,"]


def test_quote_cut_off_at_the_end_of_the_text_runs_to_its_end():
    body = "“It works,” said Ivo Brandt. “The board needs to come"
    assert texts(body) == ["It works,", "The board needs to come"]


def test_quote_cut_off_mid_sentence_before_a_paywall_line_runs_to_its_end():
    body = (
        "Ivo Brandt was blunt. He said “if it is spring, tell us spring, because what a shop\n\n"
        "Subscribe to continue reading."
    )
    assert texts(body) == ["if it is spring, tell us spring, because what a shop"]


def test_quote_cut_off_with_an_ellipsis_runs_to_its_end():
    body = "The letter said “we regret the delay and will…\n\nRead the full letter online."
    assert texts(body) == ["we regret the delay and will…"]


def test_unclosed_paragraph_opening_does_not_swallow_other_quotes():
    body = "“An opening mark never closed, then a “proper quote with four words” here."
    assert texts(body) == ["proper quote with four words"]


def test_single_line_breaks_also_end_a_quotation():
    body = "Tom said “the roof leaks\nand the door” sticks."
    assert texts(body) == []


def test_five_hundred_unbalanced_marks_are_handled_fast():
    body = " ".join(["Dan said “hello", "‘there", "”.", "'x"] * 500)
    started = time.perf_counter()
    spans = find_quotes(body)
    assert time.perf_counter() - started < 0.5
    assert_well_formed(body, spans)


def test_five_hundred_closing_marks_alone_give_no_quotes():
    assert find_quotes("word” " * 500) == []


# Empty input and empty quotes


def test_empty_body_has_no_quotes():
    assert find_quotes("") == []


@pytest.mark.parametrize("body", ['She said "" twice.', "He only said “…!” back.", "‘ ’", '"'])
def test_empty_and_punctuation_only_quotes_are_skipped(body):
    assert find_quotes(body) == []


# Kinds


def test_short_fragment_inside_a_sentence_is_a_scare_quote():
    body = "The plan was “reckless.” The port may be “shut down” soon."
    assert [span.kind for span in find_quotes(body)] == ["scare", "scare"]


def test_four_words_are_speech():
    body = "The trip ‘did not end well’, the guide said."
    (span,) = find_quotes(body)
    assert span.kind == "speech"


def test_short_quote_that_starts_a_sentence_is_speech():
    body = "“Absolutely not,” Ines said. She added: “Never.”"
    assert [span.kind for span in find_quotes(body)] == ["speech", "speech"]


# Properties

marked_text = st.text(alphabet="ab s.,'\"“”‘’„«»\n", max_size=200)


@given(marked_text)
def test_every_span_is_the_text_between_its_offsets_and_spans_do_not_overlap(body):
    assert_well_formed(body, find_quotes(body))


# The demo story: five real, partly machine-translated articles


@pytest.mark.parametrize(
    ("prefix", "count"), [("000", 12), ("001", 21), ("002", 7), ("003", 38), ("004", 8)]
)
def test_demo_articles_give_their_known_number_of_well_formed_quotes(prefix, count):
    body = demo_body(prefix)
    spans = find_quotes(body)
    assert_well_formed(body, spans)
    assert len(spans) == count


def test_demo_tweet_with_reversed_inner_marks_is_one_quote():
    found = texts(demo_body("000"))
    tweet = [text for text in found if text.startswith("A Russian invasion is now virtually")]
    assert tweet == [
        "A Russian invasion is now virtually certain once the ground freezes, Biden said to "
        "Zelensky ... Kyiv could be ’sacked,‘ Russian forces may attempt to occupy it, "
        "’prepare for impact', Biden said,"
    ]


def test_demo_split_quote_gives_two_spans():
    found = texts(demo_body("000"))
    assert found[-2:] == [
        "Our nation has likewise repeatedly stated that we have no intention to attack anyone,",
        "We consider the very thought that our people may go to war against each other "
        "unacceptable.",
    ]


def test_demo_stray_mark_after_a_closed_quote_is_ignored():
    found = texts(demo_body("001"))
    assert (
        "When the ground freezes, Russia’s invasion is almost certain. Biden told Zelensky … Kiev"
    ) in found
    assert not any(text.startswith(", Russian troops") for text in found)


def test_demo_mark_written_backwards_at_paragraph_end_closes_the_tweet():
    found = texts(demo_body("001"))
    tweet = [text for text in found if text.startswith("I had a long phone call")]
    assert len(tweet) == 1
    assert tweet[0].endswith("Possibility of financial assistance to Ukraine. Was also discussed.")


def test_demo_straight_single_quoted_tweet_is_one_quote():
    spans = find_quotes(demo_body("002"))
    assert spans[0].text == (
        "A Russian invasion is now virtually certain once the ground freezes, "
        "Biden said to Zelensky."
    )
    assert spans[0].kind == "speech"


def test_demo_nested_single_quotes_stay_inside_the_readout():
    found = texts(demo_body("002"))
    assert found[-1].endswith("the principle of ‘nothing about Ukraine without Ukraine’.")
    assert "nothing about Ukraine without Ukraine" not in found


def test_demo_scare_quotes_are_told_from_speech():
    kinds = {span.text: span.kind for span in find_quotes(demo_body("003"))}
    assert kinds["running lies."] == "scare"
    assert kinds["did not go well"] == "speech"
    assert kinds["Anonymous sources are ‘leaking’ lies,"] == "speech"


def test_demo_straight_double_quotes_are_found():
    found = texts(demo_body("004"))
    assert found[:3] == ["sacked", "did not go well.", "leaking falsehoods."]
    assert "a gap in assessments of Russia's likely courses of action," in found

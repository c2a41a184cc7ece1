"""Any text in: the pipeline never crashes, and every offset it gives points at its words."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.reading import UnreadableFile, parse_article_text
from claims.analysis.quotes import find_quotes

# Text made of the characters articles are made of, quotation marks of every kind included.
article_text = st.lists(
    st.sampled_from(
        list("abcdefghij KLMNO.,;:!?-'\"“”‘’«»()\n\t0123") + ["said", " the ", "Mr ", "denied"]
    ),
    max_size=150,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(article_text)
def test_quotes_of_any_text_point_at_their_words(text):
    for quote in find_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_analysis_of_any_text_keeps_its_offsets_inside_the_body(nlp, text):
    try:
        body = parse_article_text(text, "random.txt").body
    except UnreadableFile:
        return
    doc = nlp(body)
    for quote in doc._.quotes:
        assert body[quote.start : quote.end] == quote.text
    for statement in doc._.statements:
        assert 0 <= statement.start < statement.end <= len(body)
        assert body[statement.start : statement.end] == statement.sentence


@pytest.mark.parametrize("marks", ['"' * 500, "“" * 250 + "”" * 3, "‘’" * 300])
def test_hundreds_of_unbalanced_marks_are_survived(nlp, marks):
    body = f"The minister said {marks} and left."
    for quote in nlp(body)._.quotes:
        assert body[quote.start : quote.end] == quote.text

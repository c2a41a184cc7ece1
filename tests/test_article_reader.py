"""The article reader: the body with claim sentences and quotes marked, metadata and lineage."""

from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, Mention, Quote, Speaker

DENIES, REPEATS = Mention.Stance.DENIES, Mention.Stance.REPEATS


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self):
        return set((self.attrs.get("class") or "").split())

    @property
    def text(self):
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def find_all(self, test):
        for child in self.children:
            if isinstance(child, Element):
                if test(child):
                    yield child
                yield from child.find_all(test)

    def with_class(self, name):
        return list(self.find_all(lambda element: name in element.classes))


class TreeBuilder(HTMLParser):
    """The page's elements as a tree: enough to ask what holds what."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self):
        super().__init__()
        self.root = self.current = Element(None, {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>: the HTML must nest"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def reader_body(client, article):
    """The reader page's article body, as a tree."""
    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()
    start = page.index('<div class="body">')
    builder = TreeBuilder()
    builder.feed(page[start : page.index("</div>", start) + len("</div>")])
    return builder.root


def mention(article, text, stance=REPEATS, claim="The talks were productive"):
    claim = Claim.objects.get_or_create(story=article.story, text=claim)[0]
    start = article.body.index(text)
    return Mention.objects.create(
        claim=claim,
        article=article,
        stance=stance,
        sentence=text,
        start=start,
        end=start + len(text),
    )


def quote(article, text, kind="speech"):
    start = article.body.index(text)
    return Quote.objects.create(
        article=article, text=text, start=start, end=start + len(text), kind=kind
    )


def with_body(article, body):
    article.body = article.raw_text = body
    article.save()
    return article


def marks(element):
    return [mark.text for mark in element.with_class("claim-mark")]


def test_reader_marks_claim_sentences_and_quotes(client, article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    carried = Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=article.body,
        start=0,
        end=len(article.body),
    )
    start = article.body.index("productive")
    Quote.objects.create(
        article=article,
        speaker=Speaker.objects.create(name="The minister"),
        text="productive",
        start=start,
        end=start + len("productive"),
        kind="scare",
    )

    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()

    assert f'id="m-{carried.pk}"' in page
    assert f'href="/stories/{article.story.slug}/claims/{claim.pk}/"' in page
    assert '<q class="quote quote-scare" title="The minister">productive</q>' in page
    assert "Daily Example" in page
    assert "The talks were productive" in page


def test_only_sentences_that_carry_a_claim_are_marked(client, article):
    with_body(article, 'The talks began. The minister said "all is well." Then lunch was served.')
    mention(article, "The talks began.", DENIES)
    quote(article, "all is well.")

    body = reader_body(client, article)

    (sentence,) = body.with_class("claim-sentence")
    assert sentence.text == "✖The talks began."
    assert "sentence-denies" in sentence.classes
    # The quotation is marked, but not as a claim: it has no underline class and no mark.
    (quotation,) = body.find_all(lambda element: element.tag == "q")
    assert quotation.text == "all is well."
    assert not quotation.classes & {"claim-sentence", "mention"}
    assert marks(body) == ["✖"]


def test_a_sentence_a_quotation_runs_out_of_is_one_outlined_element(client, article):
    with_body(article, 'He said "one. Two." Then more.')
    denial = mention(article, 'He said "one.', DENIES, claim="One")
    quote(article, "one. Two.")

    body = reader_body(client, article)

    # The element the claim's link reaches holds the whole sentence, mark first; the quotation
    # is cut where it leaves the sentence instead.
    (target,) = body.find_all(lambda element: element.attrs.get("id") == f"m-{denial.pk}")
    assert target.text == '✖He said "one.'
    assert [q.text for q in body.find_all(lambda element: element.tag == "q")] == ["one.", " Two."]
    assert len(body.with_class("claim-sentence")) == 1


def test_a_sentence_inside_a_long_quotation_stays_whole(client, article):
    with_body(article, 'She said: "We met. We agreed on nothing. We left." It was late.')
    repeat = mention(article, "We agreed on nothing.")
    quote(article, "We met. We agreed on nothing. We left.")

    body = reader_body(client, article)

    (target,) = body.find_all(lambda element: element.attrs.get("id") == f"m-{repeat.pk}")
    assert target.text == "✔We agreed on nothing."
    assert [q.text for q in body.find_all(lambda element: element.tag == "q")] == [
        "We met. ",
        "We agreed on nothing.",
        " We left.",
    ]


def test_a_sentence_with_several_claims_has_one_mark_per_claim_and_every_id(client, article):
    with_body(article, "The office denied the report and called it false. Nothing else.")
    sentence = "The office denied the report and called it false."
    denial = mention(article, sentence, DENIES, claim="The call went badly")
    report = mention(article, sentence, REPEATS, claim="The office called the report false")
    both_ways = mention(article, sentence, DENIES, claim="The office called the report false")

    body = reader_body(client, article)

    (element,) = body.with_class("claim-sentence")
    assert "sentence-both" in element.classes
    for carried in (denial, report, both_ways):
        (target,) = body.find_all(lambda e, pk=carried.pk: e.attrs.get("id") == f"m-{pk}")
        assert target.text == f"✖±{sentence}"
    # One mark per claim: the claim both repeated and denied here gets ±.
    assert marks(body) == ["✖", "±"]
    labels = [mark.attrs["aria-label"] for mark in body.with_class("claim-mark")]
    assert labels == [
        "denies: The call went badly",
        "reports both sides: The office called the report false",
    ]


def test_a_sentence_across_a_paragraph_break_shares_one_marker(client, article):
    with_body(article, "First part\n\nsecond part. Another paragraph.")
    carried = mention(article, "First part\n\nsecond part.", REPEATS)

    body = reader_body(client, article)

    pieces = body.with_class("claim-sentence")
    assert [piece.parent.tag for piece in pieces] == ["p", "p"]
    assert {piece.attrs["data-sentence"] for piece in pieces} == {f"s-{carried.pk}"}
    assert [piece.text for piece in pieces] == ["✔First part", "second part."]
    assert len(list(body.find_all(lambda element: "id" in element.attrs))) == 1


def test_the_legend_explains_each_mark_with_the_marks_markup(client, article):
    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()
    legend = page[page.index('<ul class="reader-legend"') : page.index('<div class="body">')]

    for position, symbol in (("repeats", "✔"), ("denies", "✖"), ("both", "±")):
        assert f'<span class="claim-sentence sentence-{position}">' in legend
        assert (
            f'<span class="claim-mark stance-{position}" aria-hidden="true">{symbol}</span>'
            in legend
        )
    assert '<q class="quote quote-speech">' in legend


def test_claims_in_this_article_lists_each_claim_once_with_its_position(client, article):
    with_body(article, "It went well. It did not go well.")
    mention(article, "It went well.", REPEATS, claim="The call went well")
    mention(article, "It did not go well.", DENIES, claim="The call went well")

    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()
    claims = page[page.index('<ul class="reader-claims">') :]

    assert claims.count("The call went well") == 1
    assert "(reports both sides)" in claims


def test_reader_shows_copy_lineage(client, article):
    copy = article.__class__.objects.create(
        story=article.story,
        file_name="copy.txt",
        body="x y",
        raw_text="x y",
        content_hash="c" * 64,
        copy_of=article,
        title="A translated copy",
    )
    original_page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/")
    copy_page = client.get(f"/stories/{article.story.slug}/articles/{copy.pk}/")
    assert "A translated copy" in original_page.content.decode()
    assert "Copied from" in copy_page.content.decode()


def test_article_html_shows_as_text(client, article):
    article.body = 'Before <script>alert("x")</script> <b>bold</b>\n\nAfter'
    article.save()
    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "<b>bold</b>" not in page
    assert "</p><p>After" in page


def article_with_marked_sentences(article, count):
    """A copy of the article whose `count` sentences each carry a claim and hold a quotation."""
    sentences = [f"Sentence {number} says {number}." for number in range(count)]
    body = " ".join(sentences)
    longer = article.__class__.objects.create(
        story=article.story,
        file_name=f"{count}.txt",
        body=body,
        raw_text=body,
        content_hash=f"{count:064}",
    )
    for number, sentence in enumerate(sentences):
        mention(longer, sentence, claim=f"Claim {number}")
        quote(longer, f"says {number}")
    return longer


def test_reader_queries_do_not_grow_with_mentions(client, article, django_assert_num_queries):
    small, large = (article_with_marked_sentences(article, count) for count in (2, 40))
    with CaptureQueriesContext(connection) as small_page:
        assert len(marks(reader_body(client, small))) == 2

    with django_assert_num_queries(len(small_page.captured_queries)):
        assert len(marks(reader_body(client, large))) == 40

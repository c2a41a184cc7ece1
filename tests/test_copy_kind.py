"""A copy is marked as a word-for-word copy or as a machine translation or rewording; editors
see and correct the mark, and the articles export carries it."""

import csv
import hashlib
import io

import pytest
from django.contrib.auth.models import Group, User

from articles.copies import copied_word_for_word
from articles.models import Article, CopyKind
from articles.store import ArticleStore

ORIGINAL = "\n\n".join(
    [
        "Mayor Ilse Brandvold announced on Tuesday that the Korsvik harbour will close for 14 "
        "weeks while engineers rebuild the northern breakwater damaged by winter storms.",
        "Brandvold said the repairs would cost 38 million crowns, paid by the regional council "
        "and by the fisheries cooperative that Tomas Okafor leads.",
        "Okafor warned that the fishermen of Korsvik would lose their income during the closure "
        "and asked the council for compensation before the spring season.",
        "Maren Lisle, speaking for the council, denied that any compensation had been promised "
        "and called the demand premature.",
    ]
)
# The same paragraphs with one word corrected and the copier's own line added.
VERBATIM = ORIGINAL.replace("premature", "untimely") + "\n\nRead more on Harbour Wire."
# The names and numbers kept, most other words changed, as a machine translation does.
REWORDED = "\n\n".join(
    [
        "On Tuesday, Mayor Ilse Brandvold declared that Korsvik harbour is to shut for 14 weeks "
        "as engineers reconstruct the northern breakwater, harmed by storms of the winter.",
        "According to Brandvold, the repair works are to cost 38 million crowns, financed by the "
        "regional council together with the fisheries cooperative of Tomas Okafor.",
        "Okafor cautioned that Korsvik fishermen are going to lose income over the closure period "
        "and requested compensation from the council ahead of the spring season.",
        "Council spokeswoman Maren Lisle rejected that compensation was ever promised and "
        "described the demand as premature.",
    ]
)
UNRELATED = "\n\n".join(
    [
        "The Dunmere library reopened its reading room after a year of repairs to the roof.",
        "Volunteers carried nine thousand books back to the shelves over three weekends.",
        "The librarian Agnes Ferrow thanked the volunteers and the county for the grant.",
    ]
)


def stored(story, file_name, body, published=None):
    return Article.objects.create(
        story=story,
        file_name=file_name,
        body=body,
        raw_text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        published=published,
    )


def marked(story, body):
    """A new article with this body, after ingestion looked for what it copies."""
    store = ArticleStore(story)
    article = stored(story, "later.txt", body)
    store.mark_copy(article)
    article.refresh_from_db()
    return article


@pytest.fixture
def original(story):
    return stored(story, "first.txt", ORIGINAL)


def test_paragraphs_repeated_almost_word_for_word_make_a_verbatim_copy(story, original):
    copy = marked(story, VERBATIM)

    assert copy.copy_of == original
    assert copy.copy_kind == CopyKind.VERBATIM


def test_paragraphs_that_keep_the_names_and_numbers_but_change_most_words_make_a_translation(
    story, original
):
    copy = marked(story, REWORDED)

    assert copy.copy_of == original
    assert copy.copy_kind == CopyKind.TRANSLATED


def test_an_article_that_copies_nothing_has_no_copy_kind(story, original):
    article = marked(story, UNRELATED)

    assert article.copy_of is None
    assert article.copy_kind == ""


def test_the_decision_reads_only_the_paragraphs_that_match():
    assert copied_word_for_word(ORIGINAL + "\n\n" + UNRELATED, ORIGINAL)
    assert not copied_word_for_word(REWORDED + "\n\n" + UNRELATED, ORIGINAL)
    assert not copied_word_for_word(UNRELATED, ORIGINAL)


def test_ingestion_keeps_the_copy_kind_an_editor_set(story, original):
    store = ArticleStore(story)
    copy = stored(story, "later.txt", REWORDED)
    copy.copy_of, copy.copy_kind, copy.metadata_edited = original, CopyKind.VERBATIM, True
    copy.save()

    store.mark_copy(copy)

    copy.refresh_from_db()
    assert copy.copy_kind == CopyKind.VERBATIM


def test_an_editor_sees_and_changes_the_copy_kind_in_the_admin(client, story, original):
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    copy = marked(story, REWORDED)
    url = f"/admin/articles/article/{copy.pk}/change/"

    form = client.get(url).content.decode()
    assert 'name="copy_kind"' in form
    assert "machine translation or rewording" in form
    response = client.post(
        url,
        {
            "story": story.pk,
            "source": "",
            "title": "",
            "author": "",
            "published": "",
            "url": "",
            "copy_of": original.pk,
            "copy_kind": CopyKind.VERBATIM,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    copy.refresh_from_db()
    assert copy.copy_kind == CopyKind.VERBATIM


def test_the_articles_export_ends_with_the_copy_kind(client, story, original):
    copy = marked(story, REWORDED)

    content = b"".join(client.get(f"/stories/{story.slug}/export/articles.csv").streaming_content)

    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert list(rows[0])[-2:] == ["copy_kind", "versions"]
    kinds = {row["article_id"]: row["copy_kind"] for row in rows}
    assert kinds == {str(original.pk): "", str(copy.pk): "translated"}

"""An editor adds articles in the admin and may say what they are: the outlet, title, date and
address given win over what the text states, and a pasted article is known by its title."""

import html
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Article, Source, Story

ADD_ARTICLES = "/admin/claims/claim/add-articles/"

# An article as copied from a page: headline with the site's name, byline, date and address.
HEADED_TEXT = """Ferry strike ends after three days | Harbour Herald
By Ann Reporter
1 March 2024
https://harbourherald.example/news/ferry-strike

The union said "the ferries will sail again on Monday morning." The port authority confirmed \
the timetable on Friday.

Passengers waited at the terminal for most of the week, the operator said.
"""

BARE_TEXT = (
    'The mayor said "the bridge will reopen before the summer." Engineers began the repairs '
    "in the spring and expect to finish them soon."
)


@pytest.fixture
def superuser(client, db):
    client.force_login(User.objects.create_superuser("chief", password="x"))
    return client


@pytest.fixture
def second_story(db):
    return Story.objects.create(title="A second story", slug="a-second-story")


def add(client, story, **fields):
    return client.post(ADD_ARTICLES, {"story": story.pk, **fields}, follow=True)


def reader_page(client, article):
    return client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()


def metadata_shown(page):
    """The reader page's metadata list as a reader sees it: {"Outlet": "…", …}."""
    rows = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page, re.DOTALL)
    return {label: html.unescape(re.sub(r"<[^>]+>", "", value)) for label, value in rows}


def heading(page):
    return html.unescape(re.search(r"<h1>(.*?)</h1>", page, re.DOTALL)[1])


def test_without_given_fields_the_reader_shows_what_the_text_states(superuser, story):
    add(superuser, story, file_name="ferry.txt", text=HEADED_TEXT)
    page = reader_page(superuser, Article.objects.get(story=story))
    shown = metadata_shown(page)
    assert heading(page) == "Ferry strike ends after three days"
    assert shown["Outlet"] == "Harbour Herald"
    assert shown["Published"] == "1 March 2024"


def test_given_fields_win_over_the_headers_of_a_pasted_text(superuser, story):
    add(
        superuser,
        story,
        text=HEADED_TEXT,
        outlet="Coastal Times",
        title="Ferries sail again",
        date="2024-03-04",
        url="https://coastal.example/ferries",
    )
    article = Article.objects.get(story=story)
    page = reader_page(superuser, article)
    shown = metadata_shown(page)
    assert heading(page) == "Ferries sail again"
    assert shown["Outlet"] == "Coastal Times"
    assert shown["Published"] == "4 March 2024"
    assert shown["Address"] == "https://coastal.example/ferries"
    assert article.source.domain == "coastal.example"
    assert article.metadata_edited


def test_a_pasted_text_without_a_file_name_is_known_by_its_title(superuser, story):
    response = add(superuser, story, text=HEADED_TEXT, outlet="Coastal Times")
    assert "Ingested the pasted text: new." in response.content.decode()
    article = Article.objects.get(story=story)
    page = reader_page(superuser, article)
    assert heading(page) == "Ferry strike ends after three days"
    assert "<title>Ferry strike ends after three days ·" in page
    assert "pasted" not in page.lower()
    # The name it is stored under reads as what the article is; readers never see it.
    assert article.file_name.startswith("coastal-times-2024-03-01-ferry-strike-ends-after-three")
    assert article.file_name not in reader_page(Client(), article)


def test_a_pasted_text_stating_nothing_gets_no_outlet_from_its_stand_in_name(superuser, story):
    add(superuser, story, text=BARE_TEXT)
    article = Article.objects.get(story=story)
    page = reader_page(superuser, article)
    assert heading(page).startswith("The mayor said")
    assert metadata_shown(page)["Outlet"] == "not given"
    assert "pasted" not in page.lower()
    assert re.fullmatch(r"[0-9a-f]{8}\.txt", article.file_name)


def test_two_pasted_texts_alike_in_metadata_are_stored_apart(superuser, story):
    given = {"outlet": "Coastal Times", "title": "Bridge news", "date": "2024-03-04"}
    add(superuser, story, text=BARE_TEXT, **given)
    add(superuser, story, text=BARE_TEXT.replace("summer", "autumn"), **given)
    names = set(Article.objects.filter(story=story).values_list("file_name", flat=True))
    assert len(names) == 2
    assert all(name.startswith("coastal-times-2024-03-04-bridge-news-") for name in names)


def test_a_bad_date_is_an_error_naming_the_field_and_nothing_is_added(superuser, story):
    page = add(superuser, story, text=HEADED_TEXT, date="2024-02-30").content.decode()
    assert "Date: not a date; give it as year-month-day, e.g. 2024-05-01." in page
    page = add(superuser, story, text=HEADED_TEXT, date="2999-01-01").content.decode()
    assert "Date: 2999-01-01 is in the future." in page
    page = add(superuser, story, text=HEADED_TEXT, url="not an address").content.decode()
    assert "URL: not a web address" in html.unescape(page)
    assert not Article.objects.exists()


def test_every_uploaded_file_gets_the_given_outlet(superuser, story, source):
    ferry = SimpleUploadedFile("ferry.txt", HEADED_TEXT.encode())
    bridge = SimpleUploadedFile("bridge.txt", BARE_TEXT.encode())
    # The outlet is typed in another case than it is known by: the known one is taken.
    response = add(superuser, story, files=[ferry, bridge], outlet="daily EXAMPLE")
    page = response.content.decode()
    assert "Ingested ferry.txt: new." in page
    assert "Ingested bridge.txt: new." in page
    for article in Article.objects.filter(story=story):
        assert metadata_shown(reader_page(superuser, article))["Outlet"] == "Daily Example"
    assert Source.objects.filter(name__iexact="daily example").count() == 1


def test_given_metadata_stays_when_a_new_version_of_the_file_comes(superuser, story):
    add(superuser, story, files=[SimpleUploadedFile("ferry.txt", HEADED_TEXT.encode())])
    add(
        superuser,
        story,
        files=[SimpleUploadedFile("ferry.txt", (HEADED_TEXT + "\nMore later.\n").encode())],
        title="Ferries sail again",
    )
    newer = HEADED_TEXT + "\nMore later, the union said.\n"
    add(superuser, story, files=[SimpleUploadedFile("ferry.txt", newer.encode())])
    article = Article.objects.get(story=story)
    page = reader_page(superuser, article)
    assert heading(page) == "Ferries sail again"
    assert "the union said." in page
    assert metadata_shown(page)["Outlet"] == "Harbour Herald"


def test_the_form_offers_known_outlets_and_says_given_fields_win(superuser, source):
    page = superuser.get(ADD_ARTICLES).content.decode()
    assert '<option value="Daily Example">' in page
    assert 'list="known-outlets"' in page
    assert "replaces what is read from the pasted text and from every file above" in page


def test_an_unnamed_pasted_text_over_the_limit_is_refused_by_name(superuser, story, settings):
    settings.NEWSROOM_MAX_FILE_BYTES = 100
    page = add(superuser, story, text="x" * 101).content.decode()
    assert "Not added: (pasted text): 101 bytes is over the 100-byte limit" in page
    assert not Article.objects.exists()


def test_the_pages_sit_under_claims_not_the_review_queue(superuser, story):
    page = superuser.get(ADD_ARTICLES).content.decode()
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", " ", crumbs)).split() == (
        "Home › Claims › Claims › Add articles to a story".split()
    )
    queue_address = superuser.get("/admin/claims/reviewqueue/add-articles/", follow=True)
    assert "Add articles to a story" not in queue_address.content.decode()
    progress = add(superuser, story, text="The union said the ferries would sail.")
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', progress.content.decode(), re.S)
    assert "Add articles" in crumbs.group(1) and story.title in crumbs.group(1)

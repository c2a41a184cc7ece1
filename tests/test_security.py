"""Security: the public site only reads, the admin writes only for those allowed to, every page
escapes what the articles say, exports are safe to open, and bad parameters get a 400."""

import csv
import datetime
import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Article, Source, Story
from claims.models import Claim, Mention, Quote, Speaker, SpeakerAlias

PROJECT = Path(__file__).resolve().parent.parent

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"


def hostile(label):
    """Text that breaks a page if shown unescaped, in an element or in an attribute."""
    return f"{label} {SCRIPT} {IMG}"


def escaped(label):
    return f"{label} {ESCAPED_SCRIPT} {ESCAPED_IMG}"


def state():
    """Every stored row of the app, field by field."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Story, Source, Article, Speaker, SpeakerAlias, Quote, Claim, Mention)
    }


def user_in(group_name, username):
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def rows(db):
    """A small story: two outlets, two speakers, two claims, each repeated and denied."""
    story = Story.objects.create(title="The bridge", slug="bridge")
    herald = Source.objects.create(name="The Herald")
    gazette = Source.objects.create(name="The Gazette")
    mayor = Speaker.objects.create(name="Mayor Ann Lee")
    engineer = Speaker.objects.create(name="A. Engineer")
    body = 'The mayor said "the bridge will close in May." The engineer denies it.'
    articles = [
        Article.objects.create(
            story=story,
            source=source,
            title=f"Bridge news {number}",
            file_name=f"{number}.txt",
            body=body,
            raw_text=body,
            content_hash=f"{number:064x}",
            published=datetime.date(2023, 3, number + 1),
        )
        for number, source in enumerate([herald, gazette])
    ]
    quote = Quote.objects.create(
        article=articles[0], speaker=mayor, text="the bridge will close in May.", start=15, end=44
    )
    claims = [
        Claim.objects.create(story=story, text=text, event_date=datetime.date(2023, 3, 1))
        for text in ("The bridge will close in May", "The engineer was not consulted")
    ]
    for claim in claims:
        Mention.objects.create(
            claim=claim,
            article=articles[0],
            stance="repeats",
            sentence=body[:45],
            start=0,
            end=45,
            speaker=mayor,
            quote=quote,
        )
        Mention.objects.create(
            claim=claim,
            article=articles[1],
            stance="denies",
            sentence=body[46:],
            start=46,
            end=len(body),
            speaker=engineer,
        )
    return story


def public_urls(story):
    claim = Claim.objects.filter(story=story).first()
    article = Article.objects.filter(story=story).first()
    urls = [
        "/",
        f"/stories/{story.slug}/",
        f"/stories/{story.slug}/matrix/",
        f"/stories/{story.slug}/claims/{claim.pk}/",
        f"/stories/{story.slug}/articles/{article.pk}/",
        f"/stories/{story.slug}/export/timeline.json",
    ]
    if article.source_id:
        urls.append(f"/stories/{story.slug}/sources/{article.source_id}/")
    urls += [f"/stories/{story.slug}/export/{table}.csv" for table in ("articles", "claims")]
    urls += [f"/stories/{story.slug}/export/{table}.csv" for table in ("quotes", "mentions")]
    return urls


# --- The public site only reads ---------------------------------------------------------------

STATE_CHANGING_HTMX = re.compile(r"hx-(?:post|put|patch|delete)\b|htmx\.ajax\(", re.IGNORECASE)


def test_public_templates_and_scripts_send_no_state_changing_htmx_request():
    sources = [
        path
        for path in [*(PROJECT / "templates").rglob("*.html"), *(PROJECT / "static").rglob("*.js")]
        # The admin's own templates post forms, with the CSRF token (tested below).
        if "admin" not in path.parts and not path.name.startswith("admin_")
    ]
    assert sources
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not STATE_CHANGING_HTMX.search(text), path
        assert 'method="post"' not in text.lower(), path


def test_public_pages_and_fragments_only_get(client, rows):
    for url in public_urls(rows):
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            assert response.status_code == 200, url
            if response["Content-Type"].startswith("text/html"):
                page = response.content.decode()
                assert not STATE_CHANGING_HTMX.search(page), url
                assert 'method="post"' not in page.lower(), url


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_writes_to_every_public_url_are_refused_and_change_nothing(client, rows, method):
    before = state()
    claim = Claim.objects.filter(story=rows).first()
    for url in public_urls(rows):
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = getattr(client, method)(
                url,
                {"verdict": "false", "text": "Rewritten", "pk": claim.pk},
                **headers,
            )
            assert response.status_code == 405, (method, url)
            assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}
    assert state() == before


def test_head_requests_are_answered_like_gets(client, rows):
    for url in public_urls(rows):
        assert client.head(url).status_code == 200, url


def test_admin_forms_carry_the_csrf_token_and_posts_without_it_are_refused(rows):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user_in("Editors", "editor"))
    claim = Claim.objects.filter(story=rows).first()
    for url in ("/admin/claims/claim/add-articles/", f"/admin/claims/claim/{claim.pk}/change/"):
        form = csrf_client.get(url).content.decode()
        assert 'name="csrfmiddlewaretoken"' in form, url
    before = state()
    upload = SimpleUploadedFile("harbour.txt", b'The harbour master said "the port reopens."')
    refused = csrf_client.post(
        "/admin/claims/claim/add-articles/", {"story": rows.pk, "files": [upload]}
    )
    assert refused.status_code == 403
    change = {
        "story": rows.pk,
        "text": claim.text,
        "timeline_position": 0,
        "verdict": "false",
        "editor_note": "",
        "mentions-TOTAL_FORMS": 0,
        "mentions-INITIAL_FORMS": 0,
        "mentions-MIN_NUM_FORMS": 0,
        "mentions-MAX_NUM_FORMS": 1000,
        "position_corrections-TOTAL_FORMS": 0,
        "position_corrections-INITIAL_FORMS": 0,
        "position_corrections-MIN_NUM_FORMS": 0,
        "position_corrections-MAX_NUM_FORMS": 1000,
    }
    assert csrf_client.post(f"/admin/claims/claim/{claim.pk}/change/", change).status_code == 403
    assert state() == before

    # The same post with the token goes through: the token is what was missing.
    change["csrfmiddlewaretoken"] = csrf_client.cookies["csrftoken"].value
    accepted = csrf_client.post(f"/admin/claims/claim/{claim.pk}/change/", change)
    assert accepted.status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == "false"


# --- Only the right people change anything ----------------------------------------------------


def admin_urls(story):
    claim = Claim.objects.filter(story=story).first()
    article = Article.objects.filter(story=story).first()
    speaker = Speaker.objects.first()
    mention = Mention.objects.first()
    return [
        "/admin/",
        "/admin/claims/claim/",
        "/admin/claims/reviewqueue/",
        f"/admin/claims/claim/{claim.pk}/change/",
        f"/admin/claims/claim/{claim.pk}/history/",
        "/admin/claims/claim/add-articles/",
        "/admin/claims/mention/",
        f"/admin/claims/mention/{mention.pk}/change/",
        "/admin/claims/speaker/",
        f"/admin/claims/speaker/{speaker.pk}/change/",
        "/admin/claims/quote/",
        "/admin/claims/dismissedmention/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/story/",
        "/admin/articles/source/",
        "/admin/auth/user/",
    ]


def test_anonymous_visitors_read_every_public_page(client, rows):
    for url in public_urls(rows):
        assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_the_login_for_every_admin_page(client, rows):
    for url in admin_urls(rows):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_anonymous_admin_writes_go_to_the_login_and_change_nothing(client, rows):
    before = state()
    claims = list(Claim.objects.values_list("pk", flat=True))
    posts = [
        (
            "/admin/claims/claim/add-articles/",
            {"story": rows.pk, "file_name": "a.txt", "text": "x"},
        ),
        ("/admin/claims/claim/", {"action": "merge_claims", "_selected_action": claims}),
        ("/admin/claims/claim/", {"action": "delete_selected", "_selected_action": claims}),
        (f"/admin/claims/claim/{claims[0]}/change/", {"verdict": "false"}),
        (f"/admin/claims/claim/{claims[0]}/delete/", {"post": "yes"}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    assert state() == before


def viewer_writes(story):
    """Every kind of write a Viewer could post: add articles, actions, change, add, delete."""
    claim_ids = list(Claim.objects.filter(story=story).values_list("pk", flat=True))
    mention_ids = list(Mention.objects.values_list("pk", flat=True))
    speaker_ids = list(Speaker.objects.values_list("pk", flat=True))
    article = Article.objects.filter(story=story).first()
    speaker = Speaker.objects.first()
    claim = Claim.objects.get(pk=claim_ids[0])
    version = claim.history.latest().history_id
    return [
        (
            "/admin/claims/claim/add-articles/",
            {"story": story.pk, "file_name": "pasted.txt", "text": 'He said "yes, it is."'},
        ),
        ("/admin/claims/claim/", {"action": "merge_claims", "_selected_action": claim_ids}),
        ("/admin/claims/reviewqueue/", {"action": "merge_claims", "_selected_action": claim_ids}),
        ("/admin/claims/claim/", {"action": "delete_selected", "_selected_action": claim_ids}),
        ("/admin/claims/mention/", {"action": "split_mentions", "_selected_action": mention_ids}),
        ("/admin/claims/speaker/", {"action": "merge_speakers", "_selected_action": speaker_ids}),
        (
            "/admin/articles/article/",
            {"action": "delete_selected", "_selected_action": [article.pk]},
        ),
        ("/admin/articles/story/", {"action": "delete_selected", "_selected_action": [story.pk]}),
        (f"/admin/claims/claim/{claim.pk}/change/", {"verdict": "false"}),
        (
            f"/admin/claims/claim/{claim.pk}/history/{version}/",
            {
                "story": story.pk,
                "text": "Rewritten through the history form",
                "timeline_position": 0,
                "verdict": "false",
                "mentions-TOTAL_FORMS": 0,
                "mentions-INITIAL_FORMS": 0,
                "mentions-MIN_NUM_FORMS": 0,
                "mentions-MAX_NUM_FORMS": 1000,
            },
        ),
        (f"/admin/claims/speaker/{speaker.pk}/change/", {"name": "Renamed", "kind": "person"}),
        (f"/admin/claims/mention/{mention_ids[0]}/change/", {"stance": "denies"}),
        (f"/admin/articles/article/{article.pk}/change/", {"title": "Renamed"}),
        (f"/admin/articles/source/{article.source_id}/change/", {"name": "Renamed"}),
        ("/admin/claims/claim/add/", {"story": story.pk, "text": "New", "verdict": "false"}),
        ("/admin/articles/source/add/", {"name": "New outlet"}),
        (f"/admin/claims/claim/{claim.pk}/delete/", {"post": "yes"}),
        (f"/admin/claims/mention/{mention_ids[0]}/delete/", {"post": "yes"}),
    ]


def test_viewer_gets_403_for_every_write_and_nothing_changes(client, rows):
    client.force_login(user_in("Viewers", "viewer"))
    before = state()
    for url, data in viewer_writes(rows):
        assert client.post(url, data).status_code == 403, url
    assert client.get("/admin/claims/claim/add-articles/").status_code == 403
    assert client.get("/admin/claims/claim/add/").status_code == 403
    assert state() == before


def test_viewer_still_reads_the_admin_and_exports(client, rows):
    client.force_login(user_in("Viewers", "viewer"))
    claim = Claim.objects.filter(story=rows).first()
    for url in admin_urls(rows)[:-1]:
        if "add-articles" in url:
            continue
        assert client.get(url).status_code == 200, url
    version = claim.history.latest().history_id
    history = client.get(f"/admin/claims/claim/{claim.pk}/history/{version}/")
    assert history.status_code == 200
    export = client.post(
        "/admin/claims/claim/", {"action": "export_claims", "_selected_action": [claim.pk]}
    )
    assert export.status_code == 200
    assert claim.text in b"".join(export.streaming_content).decode()
    assert client.get("/admin/auth/user/").status_code == 403


def test_viewer_sees_no_add_articles_link_and_editor_does(client, rows):
    client.force_login(user_in("Viewers", "viewer"))
    assert "add-articles" not in client.get("/admin/claims/claim/").content.decode()
    client.force_login(user_in("Editors", "editor"))
    assert "add-articles" in client.get("/admin/claims/claim/").content.decode()


def test_editor_reverts_through_history_but_cannot_delete(client, rows):
    client.force_login(user_in("Editors", "editor"))
    claim = Claim.objects.filter(story=rows).first()
    version = claim.history.latest().history_id
    reverted = client.post(
        f"/admin/claims/claim/{claim.pk}/history/{version}/",
        {
            "story": rows.pk,
            "text": claim.text,
            "timeline_position": 0,
            "verdict": "disputed",
            "mentions-TOTAL_FORMS": 0,
            "mentions-INITIAL_FORMS": 0,
            "mentions-MIN_NUM_FORMS": 0,
            "mentions-MAX_NUM_FORMS": 1000,
        },
    )
    assert reverted.status_code == 302
    claim.refresh_from_db()
    assert (claim.verdict, claim.set_by) == ("disputed", "editor")

    before = state()
    article = Article.objects.filter(story=rows).first()
    deletes = [
        ("/admin/claims/claim/", {"action": "delete_selected", "_selected_action": [claim.pk]}),
        (
            "/admin/articles/article/",
            {"action": "delete_selected", "_selected_action": [article.pk]},
        ),
        ("/admin/articles/story/", {"action": "delete_selected", "_selected_action": [rows.pk]}),
        (f"/admin/claims/claim/{claim.pk}/delete/", {"post": "yes"}),
        (f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"}),
    ]
    for url, data in deletes:
        assert client.post(url, data).status_code == 403, url
    assert client.get("/admin/auth/user/").status_code == 403
    assert state() == before


# --- Everything from the articles is escaped, on every page -----------------------------------


@pytest.fixture
def hostile_story(db):
    """Every field a page shows holds markup: the titles, body, names, claim, note, URL."""
    story = Story.objects.create(
        title=hostile("Story"), slug="hostile", description=hostile("About")
    )
    source = Source.objects.create(name=hostile("Outlet"), domain=hostile("domain"))
    speaker = Speaker.objects.create(name=hostile("Speaker"))
    first_paragraph = hostile("Body") + "."
    quoted = hostile("Quoted")
    body = f'{first_paragraph}\n\nThe minister said "{quoted}" today.'
    article = Article.objects.create(
        story=story,
        source=source,
        title=hostile("Headline"),
        author=hostile("Author"),
        url=f"https://evil.example/?q={SCRIPT}{IMG}",
        file_name=hostile("Named") + ".txt",
        body=body,
        raw_text=body,
        content_hash="e" * 64,
        published=datetime.date(2022, 1, 27),
    )
    unsourced_body = "The ministry said the talks failed."
    unsourced = Article.objects.create(
        story=story,
        file_name=hostile("File") + ".txt",
        body=unsourced_body,
        raw_text=unsourced_body,
        content_hash="f" * 64,
    )
    quote_start = body.index(quoted)
    quote = Quote.objects.create(
        article=article,
        speaker=speaker,
        text=quoted,
        start=quote_start,
        end=quote_start + len(quoted),
    )
    claim = Claim.objects.create(
        story=story,
        text=hostile("Claim"),
        editor_note=hostile("Note"),
        verdict="false",
        event_date=datetime.date(2022, 1, 27),
        origin_source=source,
        origin_speaker=speaker,
    )
    Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=first_paragraph,
        start=0,
        end=len(first_paragraph),
        speaker=speaker,
        quote=quote,
    )
    Mention.objects.create(
        claim=claim,
        article=unsourced,
        stance="denies",
        sentence=unsourced_body,
        start=0,
        end=len(unsourced_body),
    )
    return story


def assert_escaped(response, labels):
    """No markup from the rows reaches the page; each labelled field shows, escaped."""
    assert response.status_code == 200
    page = response.content.decode()
    assert SCRIPT not in page
    assert "<img" not in page
    for label in labels:
        assert escaped(label) in page, label


def test_story_list_escapes_titles_and_descriptions(client, hostile_story):
    assert_escaped(client.get("/"), ["Story", "About"])


def test_timeline_page_escapes_claims_outlets_speakers_and_file_names(client, hostile_story):
    response = client.get("/stories/hostile/")
    assert_escaped(response, ["Story", "About", "Claim", "Outlet", "Speaker", "File"])
    assert "Most contested" in response.content.decode()


def test_timeline_fragment_escapes_claims_outlets_speakers_and_file_names(client, hostile_story):
    response = client.get("/stories/hostile/", HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert_escaped(response, ["Claim", "Outlet", "Speaker", "File"])


def test_search_words_are_escaped_where_the_form_shows_them(client, hostile_story):
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.get("/stories/hostile/", {"q": hostile("Search")}, **headers)
        assert response.status_code == 200
        page = response.content.decode()
        assert SCRIPT not in page and "<img" not in page
    page = client.get("/stories/hostile/", {"q": hostile("Search")}).content.decode()
    assert f'value="{escaped("Search")}"' in page


def test_claim_page_escapes_the_claim_note_outlets_and_speakers(client, hostile_story):
    claim = Claim.objects.get(story=hostile_story)
    response = client.get(f"/stories/hostile/claims/{claim.pk}/")
    assert_escaped(response, ["Story", "Claim", "Note", "Outlet", "Speaker", "File"])
    page = response.content.decode()
    # The evidence sentence is escaped around the words it shares with the claim.
    assert "Body &lt;<mark>script</mark>&gt;<mark>alert</mark>(1)" in page


def test_claim_fragment_escapes_the_claim_outlets_and_speakers(client, hostile_story):
    claim = Claim.objects.get(story=hostile_story)
    response = client.get(f"/stories/hostile/claims/{claim.pk}/", HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith('<section class="evidence-panel"')
    assert_escaped(response, ["Claim", "Outlet", "Speaker", "File"])


def test_claim_review_json_ld_keeps_the_claim_text_inside_its_script(client, hostile_story):
    claim = Claim.objects.get(story=hostile_story)
    page = client.get(f"/stories/hostile/claims/{claim.pk}/").content.decode()
    (ld_json,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "<" not in ld_json and ">" not in ld_json
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in ld_json
    review = json.loads(ld_json)
    assert review["claimReviewed"] == hostile("Claim")
    assert review["reviewBody"] == hostile("Note")
    assert review["itemReviewed"]["author"]["name"] == hostile("Speaker")


def test_article_reader_escapes_the_text_metadata_claims_and_speakers(client, hostile_story):
    article = Article.objects.get(story=hostile_story, source__isnull=False)
    response = client.get(f"/stories/hostile/articles/{article.pk}/")
    assert_escaped(
        response, ["Story", "Headline", "Author", "Outlet", "Body", "Quoted", "Claim", "Speaker"]
    )
    # The file name is shown to staff only.
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert_escaped(client.get(f"/stories/hostile/articles/{article.pk}/"), ["Named"])
    page = response.content.decode()
    assert f'title="{escaped("Speaker")}"' in page
    assert f'title="repeats: {escaped("Claim")}"' in page
    assert f'href="https://evil.example/?q={ESCAPED_SCRIPT}{ESCAPED_IMG}"' in page

    unsourced = Article.objects.get(story=hostile_story, source__isnull=True)
    assert_escaped(client.get(f"/stories/hostile/articles/{unsourced.pk}/"), ["File", "Claim"])


def test_outlet_page_escapes_its_name_claims_and_articles(client, hostile_story):
    source = Source.objects.get()
    response = client.get(f"/stories/hostile/sources/{source.pk}/")
    assert_escaped(response, ["Story", "Outlet", "domain", "Claim", "Headline"])


def test_matrix_escapes_claims_outlets_and_file_names(client, hostile_story):
    assert_escaped(client.get("/stories/hostile/matrix/"), ["Story", "Claim", "Outlet", "File"])


def test_timeline_json_gives_timelinejs_escaped_html(client, hostile_story):
    response = client.get("/stories/hostile/export/timeline.json")
    assert response.status_code == 200
    text = response.content.decode()
    assert SCRIPT not in text and "<img" not in text
    data = json.loads(text)
    # TimelineJS shows headlines and texts as HTML: they hold the escaped words.
    assert data["title"]["text"]["headline"] == escaped("Story")
    assert data["title"]["text"]["text"] == escaped("About")
    (event,) = data["events"]
    assert event["text"]["headline"] == escaped("Claim")


@pytest.mark.parametrize(
    "path",
    [
        "/stories/hostile/",
        "/stories/hostile/export/claims.csv",
        "/stories/hostile/export/timeline.json",
    ],
)
def test_a_bad_parameter_is_echoed_as_text_not_markup(client, hostile_story, path):
    response = client.get(path, {"outlet": hostile("Outlet")})
    assert response.status_code == 400
    assert response["X-Content-Type-Options"] == "nosniff"
    page = response.content.decode()
    assert SCRIPT not in page and "<img" not in page
    assert "outlet" in page


def test_an_unknown_table_name_is_echoed_as_text(client, hostile_story):
    response = client.get("/stories/hostile/export/<script>alert(1).csv")
    assert response.status_code == 400
    assert "&lt;script&gt;alert(1)" in response.content.decode()


# --- Exports are safe to open in a spreadsheet ------------------------------------------------

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def test_every_formula_start_is_defused_in_every_text_column(client, rows):
    article = Article.objects.filter(story=rows).first()
    for number, start in enumerate(FORMULA_STARTS):
        speaker = Speaker.objects.create(name=f"{start}Speaker {number}")
        claim = Claim.objects.create(
            story=rows, text=f"{start}SUM(A1:A{number})", editor_note=f"{start}cmd|' /C calc'!A0"
        )
        Mention.objects.create(
            claim=claim,
            article=article,
            stance="repeats",
            sentence=f'{start}HYPERLINK("http://evil.example")',
            start=number,
            end=number + 1,
            speaker=speaker,
        )
    claims = read_csv(client, "/stories/bridge/export/claims.csv")
    mentions = read_csv(client, "/stories/bridge/export/mentions.csv")

    defused = [row for row in claims if row["text"].startswith("'")]
    assert {row["text"][1] for row in defused} == set(FORMULA_STARTS)
    for row in defused:
        assert row["editor_note"].startswith("'" + row["text"][1])
        assert row["claim_id"].isdigit() and row["timeline_position"] == "0"
    risky = [row for row in mentions if row["speaker"][:1] in ("'", *FORMULA_STARTS)]
    assert len(risky) == len(FORMULA_STARTS)
    for row in risky:
        assert row["speaker"].startswith("'") and row["sentence"].startswith("'")
        assert row["start"].isdigit() and row["mention_id"].isdigit()


def read_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- Limits: parameters are checked, pages are capped -----------------------------------------

BAD_FILTERS = [
    ("from", "2023-02-30"),
    ("to", "yesterday"),
    ("outlet", "abc"),
    ("outlet", "²"),
    ("outlet", "1" * 19),
    ("speaker", "-1"),
    ("stance", "maybe"),
    ("verdict", "true"),
    ("q", "bridge\x00"),
]
BAD_PAGES = [("page", "abc"), ("page", "0"), ("page", "-1"), ("page", "1.5"), ("page", "²")]


@pytest.mark.parametrize(("name", "value"), BAD_FILTERS + BAD_PAGES)
@pytest.mark.parametrize("fragment", [False, True])
def test_timeline_answers_a_bad_parameter_with_a_400_naming_it(client, rows, name, value, fragment):
    headers = {"HTTP_HX_REQUEST": "true"} if fragment else {}
    response = client.get("/stories/bridge/", {name: value}, **headers)
    assert response.status_code == 400
    assert f"Bad filter: {name}:" in response.content.decode()


@pytest.mark.parametrize(("name", "value"), BAD_PAGES)
def test_matrix_answers_a_bad_page_with_a_400(client, rows, name, value):
    response = client.get("/stories/bridge/matrix/", {name: value})
    assert response.status_code == 400
    assert "page:" in response.content.decode()


@pytest.mark.parametrize(("name", "value"), BAD_FILTERS)
@pytest.mark.parametrize(
    "path",
    [
        "/stories/bridge/export/articles.csv",
        "/stories/bridge/export/quotes.csv",
        "/stories/bridge/export/claims.csv",
        "/stories/bridge/export/mentions.csv",
        "/stories/bridge/export/timeline.json",
    ],
)
def test_exports_answer_a_bad_filter_with_a_400_naming_it(client, rows, path, name, value):
    response = client.get(path, {name: value})
    assert response.status_code == 400
    assert f"{name}:" in response.content.decode()


def test_good_filters_still_work_on_every_view(client, rows):
    herald = Source.objects.get(name="The Herald").pk
    query = {"outlet": herald, "stance": "repeats", "from": "2023-03-01", "q": "bridge", "page": 1}
    for path in [
        "/stories/bridge/",
        "/stories/bridge/matrix/",
        "/stories/bridge/export/claims.csv",
        "/stories/bridge/export/timeline.json",
    ]:
        assert client.get(path, query).status_code == 200, path


def test_ids_that_are_too_big_or_of_another_story_are_not_found(client, rows):
    other = Story.objects.create(title="Other", slug="other")
    claim = Claim.objects.filter(story=rows).first()
    article = Article.objects.filter(story=rows).first()
    huge = "9" * 30
    for path in [
        f"/stories/bridge/claims/{huge}/",
        f"/stories/bridge/articles/{huge}/",
        f"/stories/bridge/sources/{huge}/",
        f"/stories/{other.slug}/claims/{claim.pk}/",
        f"/stories/{other.slug}/articles/{article.pk}/",
        "/stories/nowhere/",
        "/stories/nowhere/matrix/",
    ]:
        assert client.get(path).status_code == 404, path


def test_timeline_pages_hold_at_most_forty_claims_whatever_is_asked(client, rows):
    article = Article.objects.filter(story=rows).first()
    for number in range(43):
        claim = Claim.objects.create(story=rows, text=f"Extra claim {number}")
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence="s", start=0, end=1
        )
    # 45 claims: 40 on the first page, 5 on the last; a page size cannot be asked for.
    first = client.get(
        "/stories/bridge/", {"page_size": 100000, "per_page": 100000, "limit": 100000}
    )
    assert first.content.decode().count('<article class="claim"') == 40
    assert "Page 1 of 2" in first.content.decode()
    for page in ("2", "3", "999999999999999999"):
        last = client.get("/stories/bridge/", {"page": page}).content.decode()
        assert "Page 2 of 2" in last, page
        assert last.count('<article class="claim"') == 5


def test_matrix_page_past_the_end_gives_the_last_page(client, rows):
    for number in range(30):
        Claim.objects.create(story=rows, text=f"Extra claim {number}")
    page = client.get("/stories/bridge/matrix/", {"page": "999999999999999999"}).content.decode()
    assert "Page 2 of 2" in page
    assert page.count('<th scope="row">') == 2


def test_search_words_are_cut_to_two_hundred_characters(client, rows):
    page = client.get("/stories/bridge/", {"q": "b" * 10_000}).content.decode()
    assert f'value="{"b" * 200}"' in page
    assert "b" * 201 not in page


def test_download_links_keep_the_filter_shown(client, rows):
    herald = Source.objects.get(name="The Herald").pk
    page = client.get("/stories/bridge/", {"outlet": herald, "q": "a & b"}).content.decode()
    assert f'href="/stories/bridge/export/claims.csv?outlet={herald}&amp;q=a+%26+b"' in page
    assert f'href="/stories/bridge/export/timeline.json?outlet={herald}&amp;q=a+%26+b"' in page

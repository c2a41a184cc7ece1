"""One speaker stored under a shorter and a longer name: ingestion merges it when nothing else
could be meant, proposes the merge to editors otherwise, and never proposes a rejected one."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Story
from claims.analysis.names import contains_name
from claims.ingestion import ingest_text
from claims.models import Quote, Speaker, SpeakerAlias, SpeakerMergeProposal
from claims.speaker_proposals import propose_speaker_merges

from .test_admin import user_in

Status = SpeakerMergeProposal.Status


def article_text(headline, body):
    return f"{headline}\n\n{body}\n"


BRACKWATER = article_text(
    "Ferry crossing to close",
    'The Brackwater Transport Authority said on Monday that "the crossing will close in May."',
)
OSTEND = article_text(
    "Second operator weighs in",
    'The Ostend Transport Authority said on Tuesday that it "had no plans to close the route."',
)
SHORT = article_text(
    "Crossing may stay open",
    'The Transport Authority said on Wednesday that the ferry "would stay open until June."',
)


def quote_speaker(words):
    return Quote.objects.select_related("speaker").get(text__contains=words).speaker


def test_a_shorter_name_only_one_longer_name_contains_is_merged_by_ingestion(story):
    ingest_text(story, "courier.txt", BRACKWATER)
    ingest_text(story, "gazette.txt", SHORT)

    assert quote_speaker("stay open").name == "Brackwater Transport Authority"
    assert not Speaker.objects.filter(name="Transport Authority").exists()
    record = SpeakerMergeProposal.objects.get()
    assert record.status == Status.ACCEPTED and record.decided_by is None
    assert record.speaker is None and record.speaker_name == "Transport Authority"
    assert record.reason.startswith("Ingestion merged it")
    # The short name is an alias now: the next article that uses it goes to the same speaker.
    assert SpeakerAlias.objects.get(name="Transport Authority").speaker.name == (
        "Brackwater Transport Authority"
    )
    ingest_text(story, "herald.txt", SHORT.replace("Wednesday", "Thursday"))
    assert Speaker.objects.filter(name__contains="Transport Authority").count() == 1


def test_a_shorter_name_two_longer_names_contain_is_proposed_for_each(story):
    ingest_text(story, "courier.txt", BRACKWATER)
    ingest_text(story, "post.txt", OSTEND)
    ingest_text(story, "gazette.txt", SHORT)

    assert quote_speaker("stay open").name == "Transport Authority"
    proposals = SpeakerMergeProposal.objects.filter(speaker__name="Transport Authority")
    assert sorted(p.into.name for p in proposals) == [
        "Brackwater Transport Authority",
        "Ostend Transport Authority",
    ]
    assert {p.status for p in proposals} == {Status.PROPOSED}
    assert all("2 longer names in this story" in p.reason for p in proposals)


def test_a_rejected_merge_is_not_proposed_again(story):
    ingest_text(story, "courier.txt", BRACKWATER)
    ingest_text(story, "post.txt", OSTEND)
    ingest_text(story, "gazette.txt", SHORT)
    editor = User.objects.create_user("editor")
    for proposal in SpeakerMergeProposal.objects.all():
        proposal.reject(editor)

    ingest_text(story, "herald.txt", SHORT.replace("Wednesday", "Thursday"))

    herald = Quote.objects.select_related("speaker").get(article__file_name="herald.txt")
    assert herald.speaker.name == "Transport Authority"
    assert list(SpeakerMergeProposal.objects.values_list("status", flat=True)) == [
        Status.REJECTED,
        Status.REJECTED,
    ]


def test_rejecting_one_of_two_longer_names_does_not_merge_into_the_other(story):
    ingest_text(story, "courier.txt", BRACKWATER)
    ingest_text(story, "post.txt", OSTEND)
    ingest_text(story, "gazette.txt", SHORT)
    SpeakerMergeProposal.objects.get(into__name__startswith="Ostend").reject(None)

    ingest_text(story, "herald.txt", SHORT.replace("Wednesday", "Thursday"))

    still = SpeakerMergeProposal.objects.get(into__name__startswith="Brackwater")
    assert still.status == Status.PROPOSED
    assert Speaker.objects.filter(name="Transport Authority").exists()


def test_a_shorter_name_another_story_uses_is_only_proposed(story):
    other = Story.objects.create(title="Another crossing", slug="another-crossing")
    ingest_text(other, "elsewhere.txt", SHORT)
    ingest_text(story, "courier.txt", BRACKWATER)
    ingest_text(story, "gazette.txt", SHORT.replace("Wednesday", "Friday"))

    proposal = SpeakerMergeProposal.objects.get()
    assert proposal.status == Status.PROPOSED
    assert (proposal.speaker.name, proposal.into.name) == (
        "Transport Authority",
        "Brackwater Transport Authority",
    )
    assert proposal.reason.startswith("Another story names it")


def speaker_quoted_in(article, name, kind=Speaker.Kind.PERSON, words="productive"):
    speaker, _ = Speaker.objects.get_or_create(name=name, defaults={"kind": kind})
    start = article.body.index(words)
    Quote.objects.create(
        article=article, speaker=speaker, text=words, start=start, end=start + len(words)
    )
    return speaker


@pytest.fixture
def long_article(article):
    article.body = "The minister said the talks were productive, useful, open and frank."
    article.save()
    return article


def test_a_surname_and_a_titled_name_merge_into_the_full_name(story, long_article):
    full = speaker_quoted_in(long_article, "Maja Lind")
    speaker_quoted_in(long_article, "Lind", words="useful")
    speaker_quoted_in(long_article, "Mayor Maja Lind", words="open")

    assert propose_speaker_merges(story) == (2, 0)

    assert set(Speaker.objects.values_list("name", flat=True)) == {"Maja Lind"}
    assert set(full.aliases.values_list("name", flat=True)) == {"Lind", "Mayor Maja Lind"}
    assert set(full.quotes.values_list("text", flat=True)) == {"productive", "useful", "open"}


def test_two_people_with_one_surname_leave_the_surname_to_an_editor(story, long_article):
    speaker_quoted_in(long_article, "Maja Lind")
    speaker_quoted_in(long_article, "Tomas Lind", words="useful")
    speaker_quoted_in(long_article, "Lind", words="open")

    assert propose_speaker_merges(story) == (0, 2)
    assert propose_speaker_merges(story) == (0, 0)


def test_a_surname_an_editor_kept_apart_stays_while_a_titled_name_merges(story, long_article):
    full = speaker_quoted_in(long_article, "Maja Lind")
    surname = speaker_quoted_in(long_article, "Lind", words="useful")
    SpeakerMergeProposal.objects.create(
        story=story, speaker=surname, speaker_name="Lind", into=full, status=Status.REJECTED
    )
    speaker_quoted_in(long_article, "Mayor Maja Lind", words="open")

    assert propose_speaker_merges(story) == (1, 0)

    assert set(Speaker.objects.values_list("name", flat=True)) == {"Maja Lind", "Lind"}


def test_a_rejection_follows_the_longer_name_into_the_speaker_it_merges_into(story, long_article):
    speaker_quoted_in(long_article, "Maja Lind")
    surname = speaker_quoted_in(long_article, "Lind", words="useful")
    titled = speaker_quoted_in(long_article, "Mayor Maja Lind", words="open")
    SpeakerMergeProposal.objects.create(
        story=story, speaker=surname, speaker_name="Lind", into=titled, status=Status.REJECTED
    )

    assert propose_speaker_merges(story) == (1, 0)

    rejection = SpeakerMergeProposal.objects.get(speaker=surname)
    assert (rejection.status, rejection.into.name) == (Status.REJECTED, "Maja Lind")
    assert propose_speaker_merges(story) == (0, 0)


def test_kinds_and_sources_named_by_role_never_merge(story, long_article):
    speaker_quoted_in(long_article, "Maja Lind")
    speaker_quoted_in(long_article, "Lind", Speaker.Kind.INSTITUTION, words="useful")
    speaker_quoted_in(long_article, "official", Speaker.Kind.ANONYMOUS, words="open")
    speaker_quoted_in(long_article, "senior official", Speaker.Kind.ANONYMOUS, words="frank")

    assert propose_speaker_merges(story) == (0, 0)
    assert Speaker.objects.count() == 4


@pytest.mark.parametrize(
    "shorter, longer, kind, contained",
    [
        ("Lind", "Maja Lind", "person", True),
        ("Maja Lind", "Maja Anna Lind", "person", True),
        ("Maja Lind", "Mayor Maja Lind", "person", True),
        ("Dr. Lind", "Maja Lind", "person", True),
        ("Maja", "Maja Lind", "person", False),
        ("Tomas Lind", "Maja Lind", "person", False),
        ("Harbour Ferries", "Lowtown Harbour Ferries", "institution", True),
        ("mayor’s office", "mayor's office", "institution", True),
        ("White House", "White House Security Council", "institution", False),
        ("official", "senior official", "anonymous", False),
    ],
)
def test_a_name_is_in_another_by_its_words(shorter, longer, kind, contained):
    assert contains_name(shorter, longer, kind) is contained


# --- The admin -----------------------------------------------------------------------------


@pytest.fixture
def proposals(story):
    ingest_text(story, "courier.txt", BRACKWATER)
    ingest_text(story, "post.txt", OSTEND)
    ingest_text(story, "gazette.txt", SHORT)
    return {p.into.name.split()[0]: p for p in SpeakerMergeProposal.objects.all()}


@pytest.fixture
def superuser(client, db):
    client.force_login(User.objects.create_superuser("chief", password="x"))
    return client


LIST = "/admin/claims/speakermergeproposal/"


def test_an_editor_accepts_a_merge_in_one_click_and_the_speaker_shows_the_alias(
    superuser, proposals
):
    listing = superuser.get(LIST, {"status__exact": "proposed"}).content.decode()
    accept_url = f"{LIST}{proposals['Brackwater'].pk}/accept/"
    assert "Transport Authority" in listing and f'formaction="{accept_url}"' in listing

    answer = superuser.post(accept_url, follow=True)

    assert answer.status_code == 200
    assert "Merged “Transport Authority” into “Brackwater Transport Authority”" in (
        answer.content.decode()
    )
    survivor = Speaker.objects.get(name="Brackwater Transport Authority")
    page = superuser.get(f"/admin/claims/speaker/{survivor.pk}/change/").content.decode()
    assert 'value="Transport Authority"' in page
    accepted = SpeakerMergeProposal.objects.get(pk=proposals["Brackwater"].pk)
    assert accepted.status == Status.ACCEPTED and accepted.decided_by.username == "chief"
    # The other proposal for the merged speaker is moot: it is gone.
    assert not SpeakerMergeProposal.objects.filter(pk=proposals["Ostend"].pk).exists()


def test_a_get_or_a_post_without_the_csrf_token_decides_nothing(superuser, proposals):
    accept_url = f"{LIST}{proposals['Brackwater'].pk}/accept/"
    assert superuser.get(accept_url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="chief"))
    assert strict.post(accept_url).status_code == 403
    assert SpeakerMergeProposal.objects.filter(status=Status.PROPOSED).count() == 2


def test_editors_reject_from_the_list_and_viewers_may_not_decide(client, proposals):
    client.force_login(user_in("Viewers", "viewer"))
    reject_url = f"{LIST}{proposals['Ostend'].pk}/reject/"
    assert client.post(reject_url).status_code == 403
    client.force_login(user_in("Editors", "editor"))
    client.post(LIST, {"action": "reject_proposals", "_selected_action": [proposals["Ostend"].pk]})
    rejected = SpeakerMergeProposal.objects.get(pk=proposals["Ostend"].pk)
    assert rejected.status == Status.REJECTED and rejected.decided_by.username == "editor"
    client.post(
        LIST, {"action": "accept_proposals", "_selected_action": [proposals["Brackwater"].pk]}
    )
    assert quote_speaker("stay open").name == "Brackwater Transport Authority"


def test_the_speaker_page_offers_its_pending_merges(superuser, proposals):
    shorter = proposals["Brackwater"].speaker
    page = superuser.get(f"/admin/claims/speaker/{shorter.pk}/change/").content.decode()
    assert "Merges ingestion proposes" in page
    assert f'action="{LIST}{proposals["Ostend"].pk}/accept/"' in page
    assert "Ostend Transport Authority" in page

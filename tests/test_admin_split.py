"""An editor splits mentions into a new claim worded as they type it."""

import pytest

from claims.models import Claim, Mention

from .test_admin import user_in


@pytest.fixture
def editor(client, db):
    client.force_login(user_in("Editors", "editor"))
    return client


@pytest.fixture
def denial(story, article):
    article.body = "The council denied that the bridge will close."
    article.save()
    claim = Claim.objects.create(story=story, text="The bridge will close")
    return Mention.objects.create(
        claim=claim,
        article=article,
        stance="denies",
        sentence=article.body,
        start=0,
        end=len(article.body),
    )


def split(client, mention, **extra):
    data = {"action": "split_mentions", "_selected_action": [mention.pk], **extra}
    return client.post("/admin/claims/mention/", data)


def test_split_asks_the_wording_prefilled_with_what_the_denial_denies(editor, denial):
    page = split(editor, denial)
    assert page.status_code == 200
    assert "Wording of the new claim" in page.content.decode()
    # Not "The council denied that…": a claim is worded as what is claimed.
    assert page.context["form"].initial["wording"] == "The bridge will close"
    assert Claim.objects.count() == 1


def test_split_makes_a_claim_with_the_typed_wording(editor, denial):
    response = split(editor, denial, confirm="yes", wording="The bridge stays open")
    assert response.status_code == 302
    denial.refresh_from_db()
    assert denial.claim.text == "The bridge stays open"
    assert denial.claim.set_by == "editor"


def test_split_refuses_an_empty_wording(editor, denial):
    page = split(editor, denial, confirm="yes", wording="   ")
    assert page.status_code == 200
    assert "cannot be empty" in page.content.decode()
    assert Claim.objects.count() == 1

"""The timeline as TimelineJS JSON: one event per dated claim."""

import datetime

from claims.models import Claim


def test_dated_claims_become_timelinejs_events(client, article):
    Claim.objects.create(
        story=article.story,
        text="The talks were productive",
        event_date=datetime.date(2022, 1, 27),
        verdict="disputed",
    )
    Claim.objects.create(story=article.story, text="Undated claim")

    data = client.get(f"/stories/{article.story.slug}/export/timeline.json").json()

    assert data["title"]["text"]["headline"] == article.story.title
    (event,) = data["events"]
    assert event["start_date"] == {"year": 2022, "month": 1, "day": 27}
    assert event["text"]["headline"] == "The talks were productive"
    assert "Verdict: disputed" in event["text"]["text"]
    assert event["group"] == "disputed"


def test_timeline_takes_the_story_filters(client, article):
    Claim.objects.create(
        story=article.story,
        text="Confirmed one",
        event_date=datetime.date(2022, 1, 27),
        verdict="confirmed",
    )
    Claim.objects.create(
        story=article.story,
        text="False one",
        event_date=datetime.date(2022, 1, 28),
        verdict="false",
    )
    url = f"/stories/{article.story.slug}/export/timeline.json"

    data = client.get(url, {"verdict": "false"}).json()

    assert [e["text"]["headline"] for e in data["events"]] == ["False one"]
    assert client.get(url, {"from": "not-a-date"}).status_code == 400

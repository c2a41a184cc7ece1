"""Denials as a journalist reads them: who denies, what each denial answers, and where that
leaves the outlet carrying them."""

import pytest

from articles.models import Story
from claims.analysis.labels import Stance
from claims.ingestion import ingest_text
from claims.models import ClaimOutlet, Mention
from claims.positions import outlet_positions

REPORT = (
    "Title: Lowtown tram depot to close, Gazette reports\n"
    "Outlet: The Harbour Courier\n"
    "Date: 2024-05-02\n\n"
    "The Lowtown Gazette reported on Tuesday that the tram company would close its northern "
    "depot next spring.\n\n"
    "The Gazette also reported that the company would sell its oldest trams to a museum in "
    "Varnholt.\n\n"
    "The Gazette reported that the two directors of the company disagreed sharply over the "
    "timetable for the closure.\n\n"
)


def stance_of(nlp, sentence):
    (statement,) = nlp(sentence)._.statements
    return statement.stance


def test_a_dismissal_is_a_denial_not_a_repeat(nlp):
    sentence = "The tram company dismissed the Gazette's report about the depot as speculation."
    assert stance_of(nlp, sentence) == Stance.DENIES


def test_the_one_who_denies_through_someone_else_is_the_speaker(nlp):
    text = (
        "Ivo Lind, the company's spokesman, said the report was wrong.\n\n"
        "He added that the mayor's office had stated that the report was completely false."
    )
    denial = nlp(text)._.statements[-1]
    assert denial.stance == Stance.DENIES
    assert "mayor" in denial.speaker.name.lower()
    assert denial.via.name == "Ivo Lind"


def test_a_source_keeps_the_relay_the_article_first_gave_it(nlp):
    text = (
        "A company official said the depot would close in March, according to the Gazette.\n\n"
        "The trams would be sold to a museum in Varnholt, the official said."
    )
    first, second = nlp(text)._.statements
    assert "official" in first.speaker.name.lower() and first.via.name.endswith("Gazette")
    assert "official" in second.speaker.name.lower() and second.via.name.endswith("Gazette")


@pytest.fixture
def story(db):
    return Story.objects.create(title="The tram depot", slug="tram-depot")


def mentions_by_claim(story, stance):
    return {
        m.claim.text: m
        for m in Mention.objects.filter(claim__story=story, stance=stance).select_related(
            "claim", "speaker"
        )
    }


def test_a_blanket_denial_answers_every_claim_of_the_report(story):
    denial = '"The report is categorically false," the tram company said in a statement.\n'
    ingest_text(story, "courier.txt", REPORT + denial)

    denied = Mention.objects.filter(claim__story=story, stance=Stance.DENIES)
    denied_claims = " | ".join(m.claim.text for m in denied)
    assert "depot" in denied_claims and "museum" in denied_claims
    assert all("tram company" in m.speaker.name.lower() for m in denied if m.speaker)
    outlets = outlet_positions(ClaimOutlet.objects.filter(story=story))
    answered = {m.claim_id for m in denied}
    assert {o.position for c in answered for o in outlets[c]} == {"both"}
    # Who denied is news of its own: the outlet reports the company's denial.
    reported = Mention.objects.filter(claim__story=story, stance=Stance.REPEATS).exclude(
        claim__in=answered
    )
    assert [m.sentence for m in reported] == [denial.strip()]


def test_insisting_on_no_disagreement_denies_the_disagreement_only(story):
    denial = "Mara Quill, one of the directors, insisted there was no disagreement between them.\n"
    ingest_text(story, "courier.txt", REPORT + denial)

    denied = mentions_by_claim(story, Stance.DENIES)
    assert denied, "the insistence is not read as a denial"
    assert all("disagree" in text.lower() for text in denied)
    assert all(m.speaker.name == "Mara Quill" for m in denied.values())

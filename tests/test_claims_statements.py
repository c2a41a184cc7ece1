"""What is a claim: article furniture makes no statement, wordings compare alike, a blanket
denial answers each claim of the report, and a claim names its subject."""

import pytest

from claims.analysis.labels import Stance
from tests.analysed import sentences_of


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Lowtown council delays the harbour vote until spring",
        "(Reporting by Mara Quill; Editing by Ivo Lind)",
        "Mara Quill covers the city council for the Lowtown Gazette.",
        "Ivo Lind is the Gazette's transport correspondent.",
        "Will the tram depot reopen before the winter season?",
        "The Lowtown Tram Company did not respond to a request for comment.",
        "By continuing to browse you agree to our use of cookies.",
    ],
)
def test_furniture_is_no_statement(nlp, line):
    text = f"The Lowtown Tram Company will close its depot in March, officials said.\n\n{line}\n"
    assert sentences_of(nlp, text) == [
        "The Lowtown Tram Company will close its depot in March, officials said."
    ]


def test_synonyms_and_numbers_in_words_compare_alike(nlp):
    first = nlp("The firm will sack three thousand workers and shut the plant, Ida Vell said.")
    second = nlp("Ida Vell said the company would fire 3,000 employees and close the factory.")
    shared = first._.statements[0].terms & second._.statements[0].terms
    assert {"3000", "fire", "worker", "factory"} <= shared


def test_a_blanket_denial_answers_each_claim_of_the_report(nlp):
    text = (
        "The Lowtown Gazette reported that the tram company would close its northern depot "
        "next spring.\n\n"
        "The Lowtown Gazette also reported that the company would sell its oldest trams to a "
        "museum in Varnholt.\n\n"
        'The tram company said: "The report is categorically false."'
    )
    statements = nlp(text)._.statements
    denial = next(s for s in statements if s.needs_target)
    answered = {statements[i].sentence for i in denial.answers_all}
    assert any("northern depot" in s for s in answered)
    assert any("oldest trams" in s for s in answered)


def test_a_named_denial_is_no_blanket_denial(nlp):
    text = (
        "The Lowtown Gazette reported that the tram company would close its northern depot.\n\n"
        'The tram company said: "That characterization is not true."'
    )
    statements = nlp(text)._.statements
    denial = next(s for s in statements if s.needs_target)
    assert denial.answers_all == ()
    assert denial.stance == Stance.DENIES


def test_a_reported_pronoun_becomes_the_speakers_name(nlp):
    statement = nlp("Mara Quill said she had tabled a motion calling for an inquiry.")._.statements
    assert statement[0].content.startswith("Mara Quill had tabled a motion")

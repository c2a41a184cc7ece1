"""Denials are told from reports, and a bare denial is linked to the report it answers."""

import pytest


def denial_in(nlp, sentence):
    return next(nlp(sentence).sents)._.denial


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry denied reports that the minister had resigned.",
        '"This is not true," the spokesman said.',
        "The account is completely false, the agency said.",
        "The company disputed the account given by the former employee.",
        "The embassy said unnamed sources were leaking lies to the press.",
        "The governor's office dismissed the comments as speculation.",
        "The spokeswoman took issue with the official's description of the meeting.",
    ],
)
def test_denial_patterns_are_recognised(nlp, sentence):
    assert denial_in(nlp, sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister resigned on Tuesday after the vote.",
        "The coach was dismissed after the team lost again.",
        "The farmers rejected the new quotas at the meeting.",
        "She said the bridge would reopen in March.",
    ],
)
def test_reports_are_not_denials(nlp, sentence):
    assert denial_in(nlp, sentence) is None


def test_denial_names_the_clause_it_denies(nlp):
    denial = denial_in(
        nlp, "The ministry denied reports that the minister had resigned over the budget."
    )
    assert "resigned" in denial.content.text


def test_bare_denial_answers_the_report_before_it(nlp):
    text = (
        "The mayor will close the central library next year to save money, a council official "
        "told the Harbour Gazette.\n\n"
        "The library board said its budget for the summer reading programme had doubled.\n\n"
        "The mayor's office rejected the official's account. \"This is simply not true,\" "
        "spokeswoman Ida Holm said."
    )
    statements = nlp(text)._.statements
    library_report = next(s for s in statements if "close the central library" in s.sentence)
    denials = [s for s in statements if s.stance == "denies"]
    assert denials
    for denial in denials:
        assert statements[denial.answers] is library_report

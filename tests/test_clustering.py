"""Statements of one claim in different wordings meet in one claim; different claims stay apart."""

from claims.clustering import ClaimIndex


def terms_of(nlp, text):
    statements = nlp(text)._.statements
    return statements[0].terms


BACKGROUND = [
    "The port authority said cargo volumes rose by ten percent in the spring season.",
    "Fishermen in the northern harbour complained about new quotas on herring catches.",
    "The ferry operator announced two new routes to the islands starting in June.",
]


def index_with(nlp, claim_texts):
    index = ClaimIndex()
    for claim_id, text in enumerate(claim_texts, start=1):
        index.add(claim_id, terms_of(nlp, text))
    return index


def test_machine_translated_synonym_lands_in_the_same_claim(nlp):
    index = index_with(
        nlp,
        [
            "Governor Elena Marsh warned the mayor that the old bridge in Tarnow would soon be "
            "demolished by the flood waters.",
            *BACKGROUND,
        ],
    )
    translated = terms_of(
        nlp,
        "Governor Elena Marsh warned the mayor that the old bridge in Tarnov would soon be "
        "destroyed by the flood waters.",
    )
    assert index.best_match(translated) == 1


def test_an_unrelated_statement_makes_a_new_claim(nlp):
    index = index_with(
        nlp,
        [
            "Governor Elena Marsh warned the mayor that the old bridge in Tarnow would soon be "
            "demolished by the flood waters.",
            *BACKGROUND,
        ],
    )
    unrelated = terms_of(
        nlp, "The City Museum will open a new wing for modern sculpture next autumn."
    )
    assert index.best_match(unrelated) is None

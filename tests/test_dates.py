"""Date expressions resolve against the article's date."""

import datetime

import pytest

from claims.analysis.dates import resolve_event_date

FRIDAY = datetime.date(2023, 3, 10)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The two leaders spoke on Thursday.", datetime.date(2023, 3, 9)),
        ("They met on Friday morning.", FRIDAY),
        ("The minister resigned on March 2.", datetime.date(2023, 3, 2)),
        ("The minister resigned on Mar. 2.", datetime.date(2023, 3, 2)),
        ("The minister resigned on 2 March.", datetime.date(2023, 3, 2)),
        ("Talks began on Dec. 28.", datetime.date(2022, 12, 28)),
        ("The report came out yesterday.", datetime.date(2023, 3, 9)),
        ("Earlier this week the army moved.", datetime.date(2023, 3, 6)),
        ("The deal was signed on 2021-05-04.", datetime.date(2021, 5, 4)),
        ("Nothing happened at all.", None),
    ],
)
def test_dates_resolve_against_the_article_date(sentence, expected):
    assert resolve_event_date(sentence, FRIDAY) == expected


def test_relative_dates_need_a_reference():
    assert resolve_event_date("They met on Thursday.", None) is None
    assert resolve_event_date("They met on June 3, 2020.", None) == datetime.date(2020, 6, 3)

"""The metadata an article's text states in its usual forms: header lines, mastheads and menus,
front matter, datelines, credits, and the file's name as a last resort."""

import datetime

import pytest

from articles.reading import parse_article_text

BODY = "The ferry strike ended on Sunday after talks, the harbour master said."


def read(text, file_name="a.txt"):
    return parse_article_text(text, file_name)


def test_labelled_header_lines_give_title_author_date_and_url():
    text = (
        "Title: Ferry strike ends after all-night talks\nBy Mara Quill, harbour reporter\n"
        "Published 3 March 2024 06:30\nhttps://www.lowtowngazette.example/2024/03/ferry\n\n"
        f"{BODY}"
    )

    article = read(text)

    assert article.title == "Ferry strike ends after all-night talks"
    assert article.author == "Mara Quill"
    assert article.published == datetime.date(2024, 3, 3)
    assert article.url == "https://www.lowtowngazette.example/2024/03/ferry"
    assert article.body == f"Ferry strike ends after all-night talks\n\n{BODY}"


def test_outlet_line_names_the_outlet_and_is_never_the_title():
    text = f"Outlet: Lowtown Gazette\nDate: 2024-03-03\nFerry strike ends after talks\n{BODY}"

    article = read(text)

    assert article.outlet == "Lowtown Gazette"
    assert article.title == "Ferry strike ends after talks"
    assert article.published == datetime.date(2024, 3, 3)


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        ("By Mara Quill | 16 October 2025", "Mara Quill", datetime.date(2025, 10, 16)),
        (
            "Posted 15 October 2025 by Ivo Lind | Ports, Shipping | 14 comments",
            "Ivo Lind",
            datetime.date(2025, 10, 15),
        ),
        (
            "Published on 11/04/2025 at 09:20 - By Ada Berg with LPA",
            "Ada Berg",
            datetime.date(2025, 4, 11),
        ),
        ("Posted 8 Apr 2025, 17:30 · 3 min read", "", datetime.date(2025, 4, 8)),
        ("Broadcast: Wednesday 9 April 2025, 6:00 PM", "", datetime.date(2025, 4, 9)),
        ("14.10.2025 – 06:12 clock", "", datetime.date(2025, 10, 14)),
        ("April 8, 2025 4:12 PM GMT+1", "", datetime.date(2025, 4, 8)),
        ("From Kathe Lindqvist", "Kathe Lindqvist", None),
    ],
)
def test_header_line_forms_give_author_and_date(line, author, published):
    article = read(f"Ferry strike ends after talks\n{line}\n{BODY}")

    assert (article.author, article.published) == (author, published)
    assert article.body == f"Ferry strike ends after talks\n\n{BODY}"


def test_published_date_wins_over_the_update_on_the_same_line():
    text = f"Ferry strike ends\nPublished 10 April 2025 07:15 · Updated 11 April 2025 12:40\n{BODY}"

    assert read(text).published == datetime.date(2025, 4, 10)


def test_ambiguous_numeric_date_follows_the_order_the_file_writes_dates_in():
    american = "Ferry strike ends\nPosted 04/11/2025\nTalks began on April 9 and ended April 10.\n"

    assert read(american).published == datetime.date(2025, 4, 11)
    assert read(f"Ferry strike ends\nPosted 11/04/2025\n{BODY}").published == datetime.date(
        2025, 4, 11
    )


def test_masthead_menu_and_section_label_are_not_the_title():
    text = (
        "Skip to content\nTHE LOWTOWN GAZETTE\nNews | Harbour | Sport | Opinion\n"
        "We use cookies to improve your experience. [Accept] [Manage preferences]\n"
        "LOCAL / HARBOUR\nFerry strike ends after all-night talks\nBy Mara Quill\n"
        f"{BODY}\nThe Lowtown Gazette has covered the port since 1902.\n"
    )

    article = read(text)

    assert article.title == "Ferry strike ends after all-night talks"
    assert article.outlet == "The Lowtown Gazette"
    assert article.body.split("\n\n")[:2] == [article.title, BODY]


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        (
            "PORTSIDE TRADE REVIEW\nShipping | Ports | Jobs\nSubscribe | Log in",
            "Portside Trade Review",
        ),
        (
            "Harbour Wire\nBoats, cargo and the people who move them\nHome | Archive | About",
            "Harbour Wire",
        ),
        ("Gullsend Post — news for the north quays\nQuays | Culture | Region", "Gullsend Post"),
        ("Marram FM | Morning Show", "Marram FM"),
        ("Tidewater › Companies › Shipping", "Tidewater"),
        ("COAST 7 NEWS AT NINE — TRANSCRIPT", "Coast 7 News at Nine"),
    ],
)
def test_masthead_forms_name_the_outlet(top, outlet):
    article = read(f"{top}\nFerry strike ends after all-night talks\n{BODY}")

    assert article.outlet == outlet
    assert article.title == "Ferry strike ends after all-night talks"


def test_capitals_masthead_takes_the_spelling_the_text_uses():
    text = f"SEAGLASS\nTech | Ports\nFerry strike ends after talks\n{BODY}\nSeaGlass is free"

    assert read(text).outlet == "SeaGlass"


def test_front_matter_gives_metadata_and_stays_out_of_the_body():
    text = (
        '---\ntitle: "Did the ferry strike end too soon?"\ndate: 2025-10-17\n'
        "source: Gullsend Checks\nauthor: 'Ama Lund-Berg'\nurl: https://gullsend.example/c/1\n"
        f"tags: [ferries, strike]\nrating: Unproven\n---\n\n{BODY}"
    )

    article = read(text)

    assert article.title == "Did the ferry strike end too soon?"
    assert article.published == datetime.date(2025, 10, 17)
    assert article.outlet == "Gullsend Checks"
    assert article.author == "Ama Lund-Berg"
    assert article.url == "https://gullsend.example/c/1"
    assert article.body == f"Did the ferry strike end too soon?\n\n{BODY}"


def test_wire_dateline_and_sign_off_give_outlet_and_author():
    text = (
        "UPDATE 2-Ferry strike ends after all-night talks\n\n"
        "GULLSEND, March 3 (LPA) - The ferry strike ended on Sunday, the union said.\n"
        "Talks resumed on 1 March 2024.\n(Reporting by Mara Quill; Editing by Ivo Lind)"
    )

    article = read(text, "004_lowtown-press-agency.txt")

    assert article.title == "Ferry strike ends after all-night talks"
    assert article.outlet == "Lowtown Press Agency"
    assert article.author == "Mara Quill"
    assert article.published == datetime.date(2024, 3, 3)


def test_dateline_without_a_year_leaves_the_date_unknown_when_the_text_gives_none():
    text = "Ferry strike ends\nGULLSEND, Oct 14 (LPA) - The strike ended on Tuesday, it said."

    article = read(text)

    assert article.published is None
    assert article.outlet == "LPA"


def test_copyright_line_names_the_outlet():
    text = (
        f"Ferry strike ends after talks\n{BODY}\n© 2025 Lowtown Press Agency. All rights reserved."
    )

    assert read(text).outlet == "Lowtown Press Agency"


def test_source_line_is_weaker_than_the_pages_own_masthead():
    text = (
        "Harbour Digest\nHome | World | Local\nFerry strike ends after talks\n"
        f"Posted 8 Apr 2025 · Source: Lowtown Press Agency\n{BODY}"
    )

    assert read(text).outlet == "Harbour Digest"


@pytest.mark.parametrize(
    ("file_name", "outlet"),
    [
        ("003_lowtown-gazette.txt", "Lowtown Gazette"),
        ("000_7098865e563ce775.txt", ""),
        ("0042.txt", ""),
    ],
)
def test_file_name_gives_the_outlet_as_a_last_resort(file_name, outlet):
    assert read(BODY, file_name).outlet == outlet


def test_url_domain_beats_the_file_name():
    article = read(f"{BODY}\nhttps://www.gazette.example/ferry", "003_lowtown-gazette.txt")

    assert (article.outlet, article.outlet_domain) == ("", "gazette.example")


def test_headline_ending_in_a_full_stop_counts_when_a_byline_follows():
    article = read(f"The ferries are not going anywhere. Here's why.\nBy Ivo Lind\n{BODY}")

    assert article.title == "The ferries are not going anywhere. Here's why."


def test_short_headline_above_a_section_menu_is_the_title_not_the_outlet():
    article = read(f"Ferry strike ends after talks\nWorld | Europe | Ports\n{BODY}")

    assert article.title == "Ferry strike ends after talks"
    assert article.outlet == ""

"""Reading article files: decoding, metadata, chrome stripping; the demo story's files as well."""

import datetime
import hashlib
import pathlib

import pytest

from articles.reading import (
    ArticleText,
    UnreadableFile,
    decode_bytes,
    parse_article_text,
    read_article_file,
)

DEMO_STORY = pathlib.Path(__file__).resolve().parent.parent / "data/stories/biden-zelensky-call"
LIMIT = 5 * 1024 * 1024


def read_demo(prefix: str) -> ArticleText:
    (path,) = DEMO_STORY.glob(f"{prefix}_*.txt")
    return read_article_file(path, LIMIT)


def paragraphs(article: ArticleText) -> list[str]:
    return under_headline(article).split("\n\n")


def under_headline(article: ArticleText) -> str:
    """The body after the headline paragraph that leads it."""
    if article.title:
        assert article.body.startswith(article.title + "\n\n")
        return article.body[len(article.title) + 2 :]
    return article.body


def write(tmp_path: pathlib.Path, name: str, content: bytes) -> pathlib.Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


# --- The demo story ---------------------------------------------------------------------------


def test_demo_004_headline_compact_date_and_url_become_metadata():
    article = read_demo("004")

    assert article.title == (
        "Ukraines president told Biden to calm down Russian invasion warnings saying he was "
        "creating unwanted panic report"
    )
    assert article.published == datetime.date(2022, 1, 28)
    assert article.url == "https://news.yahoo.com/ukraines-president-told-biden-calm-104928095.html"
    assert article.outlet_domain == "news.yahoo.com"
    assert article.outlet == ""
    assert article.author == ""
    assert under_headline(article).startswith(
        "The conversation between Biden and Zelensky came days after"
    )
    assert "20220128" not in article.body
    assert "https://" not in article.body


def test_demo_004_double_spaces_collapse_inside_a_paragraph():
    article = read_demo("004")

    assert "tensions between Russia which is amassing" in article.body
    assert "  " not in article.body


def test_demo_003_aggregator_chrome_is_stripped():
    article = read_demo("003")

    headline = (
        "Ukrainian official says CNN Biden’s call with Ukrainian president ‘did not go well’, "
        "but White House disputes account"
    )
    assert article.title == headline
    assert article.body.startswith(headline + "\n\n")
    assert article.body.count(headline) == 1
    assert article.outlet == "News Today"
    assert under_headline(article).startswith(
        "The White House, however, disputed the official’s account"
    )
    assert "Skip to content" not in article.body
    assert "|" not in article.body
    assert "Not all news on the site" not in article.body
    assert paragraphs(article)[-1] == (
        "CNN’s Kaitlan Collins, Jennifer Hansler, Natasha Bertrand, Ellie Kaufman and Kylie "
        "Atwood contributed reporting."
    )
    assert article.published is None
    assert article.url == ""
    assert article.author == ""


def test_demo_003_sub_headings_stay_in_the_body():
    article = read_demo("003")

    assert (
        "White House says Biden promised US would ‘respond decisively’ if Russia invades"
        in paragraphs(article)
    )


def test_demo_001_closing_bio_gives_author_and_outlet():
    article = read_demo("001")

    assert article.author == "Catabella Roberts"
    assert article.outlet == "The Epoch Times"
    assert "Roberts" not in article.body
    assert paragraphs(article)[-1].startswith("“Our country likewise reiterates")


def test_demo_001_first_line_restated_by_its_lede_is_the_title():
    article = read_demo("001")

    assert article.title.startswith("The White House denied Biden and warned Ukraine’s Zelensky")
    assert under_headline(article).startswith("The White House National Security Council")


def test_a_first_sentence_the_next_line_does_not_restate_stays_body():
    text = (
        "The Lowtown tram depot will close in March, the council said on Monday.\n\n"
        "Drivers were told of the plan at a meeting on Friday, two of them said.\n"
    )
    article = parse_article_text(text, "depot.txt")
    assert article.title == ""
    assert article.body.startswith("The Lowtown tram depot will close")


def test_a_headline_ending_in_a_full_stop_is_found_when_the_lede_restates_it():
    text = (
        "Lowtown council closes the tram depot and sells the oldest trams.\n\n"
        "The Lowtown council on Monday voted to close the tram depot and to sell the oldest "
        "trams to a museum, ending a century of service.\n"
    )
    article = parse_article_text(text, "depot.txt")
    assert article.title == "Lowtown council closes the tram depot and sells the oldest trams."


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_demo_files_without_metadata_lines_keep_every_line_as_a_paragraph(prefix):
    article = read_demo(prefix)

    assert (article.title, article.published, article.url) == ("", None, "")
    assert (article.author, article.outlet, article.outlet_domain) == ("", "", "")
    raw_lines = [line.strip() for line in article.raw_text.splitlines() if line.strip()]
    assert paragraphs(article) == raw_lines


def test_demo_body_starts_of_000_and_002():
    assert read_demo("000").body.startswith("The White House National Security Council has denied")
    assert read_demo("002").body.startswith("US President Joe Biden and Ukraine’s President")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_demo_raw_text_is_the_file_decoded_and_hashed(prefix):
    article = read_demo(prefix)
    (path,) = DEMO_STORY.glob(f"{prefix}_*.txt")

    assert article.file_name == path.name
    assert article.raw_text == path.read_bytes().decode("utf-8")
    assert article.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.body == article.body.strip()
    assert "\n\n\n" not in article.body


# --- Metadata ---------------------------------------------------------------------------------


def test_compact_date_line_becomes_published_date():
    article = parse_article_text("Harbour bridge reopens\n20230504\nThe bridge reopened.", "a.txt")

    assert article.published == datetime.date(2023, 5, 4)
    assert under_headline(article) == "The bridge reopened."


@pytest.mark.parametrize(
    "date_line",
    [
        "2023-05-04",
        "2023-05-04T09:15:00Z",
        "May 4, 2023",
        "Thursday, May 4, 2023",
        "4 May 2023",
        "Published: May 4, 2023 at 9:15 a.m. ET",
        "Updated 9:15 AM EST, Thu May 4, 2023",
    ],
)
def test_date_line_forms_become_published_date(date_line):
    text = f"Harbour bridge reopens after repairs\n{date_line}\nThe bridge reopened on Thursday."

    article = parse_article_text(text, "a.txt")

    assert article.published == datetime.date(2023, 5, 4)
    assert under_headline(article) == "The bridge reopened on Thursday."


def test_abbreviated_month_date_line_becomes_published_date():
    article = parse_article_text("Ferry fares rise\nSept. 9, 2021\nFares rose.", "a.txt")

    assert article.published == datetime.date(2021, 9, 9)


def test_published_label_wins_over_updated_label():
    text = "Ferry fares rise\nUpdated March 2, 2021\nPublished March 1, 2021\nFares rose."

    article = parse_article_text(text, "a.txt")

    assert article.published == datetime.date(2021, 3, 1)
    assert under_headline(article) == "Fares rose."


def test_impossible_date_is_not_a_date():
    article = parse_article_text("Ferry fares rise\n20211341\nFares rose.", "a.txt")

    assert article.published is None
    assert paragraphs(article) == ["20211341", "Fares rose."]


def test_date_inside_a_sentence_is_not_taken():
    article = parse_article_text("The council met on May 4, 2023 and voted.", "a.txt")

    assert article.published is None


def test_byline_gives_author():
    article = parse_article_text("Harbour bridge reopens\nBy Mara Quinn\nIt reopened.", "a.txt")

    assert article.author == "Mara Quinn"
    assert under_headline(article) == "It reopened."


def test_byline_with_two_names_and_an_affiliation_gives_the_names():
    text = "Harbour bridge reopens\nBy Mara Quinn and Tomas Lind, Coastal Herald\nIt reopened."

    article = parse_article_text(text, "a.txt")

    assert article.author == "Mara Quinn and Tomas Lind"
    assert "Coastal Herald" not in article.body


def test_sentence_starting_with_by_is_no_byline():
    text = "Harbour bridge reopens\nBy Monday Night, traffic was back.\nIt reopened."

    article = parse_article_text(text, "a.txt")

    assert article.author == ""
    assert paragraphs(article)[0] == "By Monday Night, traffic was back."


def test_title_and_site_line_gives_title_and_outlet():
    text = "Harbour bridge reopens after repairs | The Coastal Herald\nThe bridge reopened."

    article = parse_article_text(text, "a.txt")

    assert article.title == "Harbour bridge reopens after repairs"
    assert article.outlet == "The Coastal Herald"
    assert under_headline(article) == "The bridge reopened."


def test_first_pipe_site_line_names_the_outlet_and_all_are_removed():
    text = (
        "Harbour bridge reopens after repairs\n | Coastal Herald\nThe bridge reopened.\n"
        "Harbour Weekly |\n| Local | Regional Digest\nTraffic was light."
    )

    article = parse_article_text(text, "a.txt")

    assert article.outlet == "Coastal Herald"
    assert paragraphs(article) == ["The bridge reopened.", "Traffic was light."]


def test_pipe_inside_a_body_line_is_kept():
    text = "Harbour bridge reopens\nThe bridge reopened.\nTolls | Fees were scrapped for a week"

    article = parse_article_text(text, "a.txt")

    assert article.outlet == ""
    assert paragraphs(article)[-1] == "Tolls | Fees were scrapped for a week"


def test_repeated_headline_is_taken_as_title_and_removed_everywhere():
    text = (
        "Ferry strike ends after talks\nFerry strike ends after talks\nCrews returned.\n"
        "Ferry strike ends after talks\nBoats sailed."
    )

    article = parse_article_text(text, "a.txt")

    assert article.title == "Ferry strike ends after talks"
    assert paragraphs(article) == ["Crews returned.", "Boats sailed."]


@pytest.mark.parametrize(
    "first_line",
    [
        "Crews returned to the ferries on Monday.",
        "The union said:",
        "Two words",
    ],
)
def test_first_line_not_shaped_like_a_headline_stays_in_the_body(first_line):
    article = parse_article_text(f"{first_line}\nBoats sailed.", "a.txt")

    assert article.title == ""
    assert paragraphs(article)[0] == first_line


def test_question_headline_is_a_title():
    article = parse_article_text("Will the ferries sail again?\nThey will.", "a.txt")

    assert article.title == "Will the ferries sail again?"
    assert under_headline(article) == "They will."


def test_url_line_gives_url_and_domain_without_www():
    text = "Council approves budget\nhttps://www.ledger.example/news/budget?id=7\nIt passed."

    article = parse_article_text(text, "a.txt")

    assert article.url == "https://www.ledger.example/news/budget?id=7"
    assert article.outlet_domain == "ledger.example"
    assert article.outlet == ""
    assert under_headline(article) == "It passed."


def test_url_line_at_the_bottom_gives_url():
    text = "The council passed the budget.\nIt takes effect in July.\nhttps://ledger.example/b"

    article = parse_article_text(text, "a.txt")

    assert article.url == "https://ledger.example/b"
    assert article.outlet_domain == "ledger.example"
    assert paragraphs(article) == ["The council passed the budget.", "It takes effect in July."]


def test_bio_after_a_name_line_gives_author_and_outlet():
    text = (
        "The ferries sailed again.\n\nJon Okafor\n\n\n"
        "John Okafor is a senior transport correspondent for The Northern Ledger."
    )

    article = parse_article_text(text, "a.txt")

    assert article.author == "Jon Okafor"
    assert article.outlet == "The Northern Ledger"
    assert under_headline(article) == "The ferries sailed again."


def test_bio_alone_gives_author():
    text = "The ferries sailed again.\nLena Varga is a freelance journalist based in Pécs."

    article = parse_article_text(text, "a.txt")

    assert article.author == "Lena Varga"
    assert article.outlet == ""
    assert under_headline(article) == "The ferries sailed again."


def test_closing_sentence_about_a_non_journalist_is_kept():
    text = "The ferries sailed again.\nLena Varga is the union's chief negotiator."

    article = parse_article_text(text, "a.txt")

    assert article.author == ""
    assert paragraphs(article)[-1] == "Lena Varga is the union's chief negotiator."


def test_site_chrome_outlet_wins_over_bio_outlet():
    text = (
        "Ferries sail again | Harbour Daily\nThe ferries sailed.\n"
        "Lena Varga is a reporter for The Northern Ledger."
    )

    article = parse_article_text(text, "a.txt")

    assert article.outlet == "Harbour Daily"
    assert article.author == "Lena Varga"


# --- Chrome -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome_line",
    [
        "Skip to content",
        "Skip to main content",
        "Share this article",
        "Share on Mastodon",
        "Follow us on Bluesky",
        "Sign up for our newsletter.",
        "Advertisement",
        "Read more: Ferry timetable changes",
        "Related: Harbour fees",
        "* * *",
    ],
)
def test_navigation_chrome_lines_are_removed(chrome_line):
    text = f"The ferries sailed.\n{chrome_line}\nCrews were paid."

    article = parse_article_text(text, "a.txt")

    assert paragraphs(article) == ["The ferries sailed.", "Crews were paid."]


def test_contributor_line_is_kept():
    text = "The ferries sailed.\nAda Berg and Ivo Lind contributed reporting."

    article = parse_article_text(text, "a.txt")

    assert paragraphs(article)[-1] == "Ada Berg and Ivo Lind contributed reporting."


@pytest.mark.parametrize(
    "disclaimer",
    [
        "The content on this site does not necessarily reflect the views of its owners.",
        "Articles on this portal are collected and translated automatically, not by an editor.",
    ],
)
def test_closing_aggregator_disclaimer_is_removed(disclaimer):
    article = parse_article_text(f"The ferries sailed.\nCrews were paid.\n{disclaimer}", "a.txt")

    assert paragraphs(article) == ["The ferries sailed.", "Crews were paid."]


def test_sentence_about_views_not_shared_is_kept():
    text = "The mayor said the website does not reflect the views of the council.\nIt was fined."

    article = parse_article_text(text, "a.txt")

    assert paragraphs(article)[0] == (
        "The mayor said the website does not reflect the views of the council."
    )


def test_chrome_only_text_is_unreadable():
    with pytest.raises(UnreadableFile, match=r"^menu\.txt: nothing left after removing"):
        parse_article_text("Skip to content\nAdvertisement\n| Harbour Daily\n", "menu.txt")


# --- Body cleaning ----------------------------------------------------------------------------


def test_every_input_line_becomes_a_paragraph_and_blank_runs_collapse():
    text = "\n\nFirst line.\nSecond line.\n\n\n\nThird line.\n\n"

    article = parse_article_text(text, "a.txt")

    assert under_headline(article) == "First line.\n\nSecond line.\n\nThird line."


def test_windows_and_old_mac_line_endings_are_normalised():
    article = parse_article_text("First line.\r\nSecond line.\rThird line.\r\n", "a.txt")

    assert paragraphs(article) == ["First line.", "Second line.", "Third line."]


def test_odd_spaces_and_tabs_become_single_spaces():
    text = "  The\u00a0ferries\t\tsailed \u2009 on\u202ftime.  \nCrews\u200b were paid."

    article = parse_article_text(text, "a.txt")

    assert paragraphs(article) == ["The ferries sailed on time.", "Crews were paid."]


def test_classic_mojibake_is_repaired_in_the_body_but_not_in_raw_text():
    text = "The captain said â€œall aboardâ€\x9d and itâ€™s cafÃ© time."

    article = parse_article_text(text, "a.txt")

    assert under_headline(article) == "The captain said “all aboard” and it’s café time."
    assert article.raw_text == text


def test_pasted_text_is_parsed_like_a_file():
    article = parse_article_text("Ferries sail again\nBy Ada Berg\nThey sailed.", "pasted")

    assert article.file_name == "pasted"
    assert article.title == "Ferries sail again"
    assert article.author == "Ada Berg"
    assert article.content_hash == hashlib.sha256(article.raw_text.encode("utf-8")).hexdigest()


# --- Decoding ---------------------------------------------------------------------------------


def test_plain_utf8_decodes_unchanged():
    assert decode_bytes("Café “open”.".encode(), "a.txt") == "Café “open”."


def test_utf8_byte_order_mark_is_stripped():
    assert decode_bytes(b"\xef\xbb\xbfFerries sailed.", "a.txt") == "Ferries sailed."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_decodes(encoding):
    data = "\ufeffFerries “sailed”.\n".encode(encoding)

    assert decode_bytes(data, "a.txt") == "Ferries “sailed”.\n"


def test_cp1252_quotes_decode_without_mojibake():
    assert decode_bytes(b"He said \x93quoted\x94 and it\x92s done.", "a.txt") == (
        "He said “quoted” and it’s done."
    )


def test_bytes_neither_utf8_nor_cp1252_fall_back_to_latin1():
    data = b"Caf\xe9 " + b"open all day. " * 5 + b"\x81"

    assert decode_bytes(data, "a.txt").startswith("Café open all day.")


def test_truncated_utf16_is_undecodable():
    data = b"\xff\xfe" + "Ferries".encode("utf-16-le") + b"\x00"

    with pytest.raises(UnreadableFile, match=r"^a\.txt: cannot be decoded as utf-16"):
        decode_bytes(data, "a.txt")


# --- Reading files ----------------------------------------------------------------------------


def test_file_with_cp1252_bytes_and_crlf_reads_into_clean_paragraphs(tmp_path):
    path = write(tmp_path, "ferry.txt", b"Ferry strike ends\r\n\r\nCrews said \x93enough\x94.\r\n")

    article = read_article_file(path, LIMIT)

    assert article.file_name == "ferry.txt"
    assert article.raw_text == "Ferry strike ends\r\n\r\nCrews said “enough”.\r\n"
    assert article.title == "Ferry strike ends"
    assert under_headline(article) == "Crews said “enough”."


def test_file_with_utf8_byte_order_mark_reads_without_it(tmp_path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfFerries sailed.\n")

    article = read_article_file(path, LIMIT)

    assert article.raw_text == "Ferries sailed.\n"
    assert under_headline(article) == "Ferries sailed."


def test_utf16_file_reads(tmp_path):
    path = write(tmp_path, "wide.txt", "\ufeffFerries sailed.\r\nCrews were paid.".encode("utf-16"))

    article = read_article_file(path, LIMIT)

    assert paragraphs(article) == ["Ferries sailed.", "Crews were paid."]


def test_missing_path_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match=r"^gone\.txt: no such file$"):
        read_article_file(tmp_path / "gone.txt", LIMIT)


def test_directory_is_unreadable(tmp_path):
    (tmp_path / "folder.txt").mkdir()

    with pytest.raises(UnreadableFile, match=r"^folder\.txt: is a directory"):
        read_article_file(tmp_path / "folder.txt", LIMIT)


def test_too_big_file_is_refused_before_being_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)

    def refuse_to_open(*args, **kwargs):
        raise AssertionError("a file over the limit was opened")

    monkeypatch.setattr(pathlib.Path, "open", refuse_to_open)

    with pytest.raises(UnreadableFile) as raised:
        read_article_file(path, LIMIT)
    assert str(raised.value) == "big.txt: 52,428,800 bytes is over the 5,242,880-byte limit"


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t \n"])
def test_empty_or_blank_file_is_unreadable(tmp_path, content):
    path = write(tmp_path, "blank.txt", content)

    with pytest.raises(UnreadableFile, match=r"^blank\.txt: file is empty$"):
        read_article_file(path, LIMIT)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(1, 32)) * 4 + b"some text",
    ],
)
def test_binary_file_is_unreadable(tmp_path, content):
    path = write(tmp_path, "x.bin", content)

    with pytest.raises(UnreadableFile, match=r"^x\.bin: looks binary, not text$"):
        read_article_file(path, LIMIT)


def test_file_of_chrome_only_is_unreadable(tmp_path):
    path = write(tmp_path, "chrome.txt", b"Skip to content\nShare this article\nAdvertisement\n")

    with pytest.raises(UnreadableFile, match=r"^chrome\.txt: nothing left after removing"):
        read_article_file(path, LIMIT)


def test_file_that_changes_while_being_read_is_unreadable(tmp_path, monkeypatch):
    path = write(tmp_path, "growing.txt", b"The ferries sailed.\n")
    real_open = pathlib.Path.open

    def open_then_append(self, *args, **kwargs):
        stream = real_open(self, *args, **kwargs)
        with real_open(self, "ab") as writer:
            writer.write(b"A late paragraph.\n")
        return stream

    monkeypatch.setattr(pathlib.Path, "open", open_then_append)

    with pytest.raises(UnreadableFile, match=r"^growing\.txt: changed while being read$"):
        read_article_file(path, LIMIT)

"""Finds the outlet an article's page names: its masthead and menu at the top, a name in its
file name, and spells such a name as the outlet does ("THE LOWTOWN GAZETTE" → "The Lowtown
Gazette")."""

import itertools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import PurePath

from .vocabulary import SECTION_WORDS

WORD = re.compile(r"\w+")
SENTENCE_ENDING = re.compile(r"[.,:;…–—-][\"'”’»)\]]*$")
# A menu's items sit between bars, dots or arrows, or apart by runs of spaces.
MENU_SEPARATOR = re.compile(r"\s{2,}|\t|\s*[|·•›»]\s*")
MAX_MENU_ITEM_WORDS = 4
MAX_MENU_CHARS = 200
# Menus that matter stand above the headline, among the first lines of the page.
MENU_SCAN_LINES = 20
# Words a menu item or an outlet's name may leave in lower case ("Sign in", "Herald of Lowtown").
SMALL_WORDS = frozenset(
    "a an and at de del della des di du for in la le of on the to up us van von with".split()
)
# A masthead's name comes before its tagline or kind: "Gazette — news for the coast".
NAME_AND_TAGLINE = re.compile(r"\s+[—–|-]\s+")
MAX_NAME_WORDS = 6
# How many lines from the top a masthead and its menus may take.
MASTHEAD_LINES = 4
OPENING_QUOTES = "\"'‘“«"
MAX_INITIALS = 4
MIN_EXPANDED_INITIALS = 3
# A file name's numeric prefix ("003_") and a hash stem ("7098865e563ce775") name no outlet.
NUMBERED_STEM = re.compile(r"(?:\d+[_\s.-]+)?(?P<name>.+)")
HASH_LIKE = re.compile(r"(?=.*\d)[0-9a-f]{6,}", re.IGNORECASE)
FILE_NAME_WORD = re.compile(r"[^\W\d_]+|\d{1,3}")


def comparable(text: str) -> str:
    """The text's words in lower case, so that punctuation and spacing do not hide a repeat."""
    return " ".join(WORD.findall(text.casefold()))


def menu_lines(text: str) -> dict[str, list[str]]:
    """The items of the text's menu lines by their comparable form, read before spaces collapse."""
    menus = {}
    lines = (line.strip() for line in text.splitlines() if line.strip())
    for stripped in itertools.islice(lines, MENU_SCAN_LINES):
        if stripped[:1] == "|" or stripped[-1:] == "|" or len(stripped) > MAX_MENU_CHARS:
            continue
        items = [item for item in MENU_SEPARATOR.split(stripped) if item.strip()]
        if _is_menu(items):
            menus[comparable(stripped)] = [item.strip() for item in items]
    return menus


def _is_menu(items: list[str]) -> bool:
    if len(items) < 2 or any(
        len(item.split()) > MAX_MENU_ITEM_WORDS or SENTENCE_ENDING.search(item) for item in items
    ):
        return False
    capitalised = [item for item in items if item[0].isupper() or item[0].isdigit()]
    if len(items) == 2:
        return all(_is_title_cased(item) for item in items)
    return len(capitalised) * 2 >= len(items)


def _is_title_cased(item: str) -> bool:
    return all(
        word[0].isupper() or word[0].isdigit() or word.casefold() in SMALL_WORDS
        for word in item.split()
    )


def is_name_line(line: str, is_header: Callable[[str], object]) -> bool:
    """Whether the line may be an outlet's name with, perhaps, its tagline after a dash.

    A name capitalises its words, so a short sentence-case headline above a menu is none.
    """
    name = NAME_AND_TAGLINE.split(line, maxsplit=1)[0]
    return (
        any(character.isalpha() for character in name)
        and len(name.split()) <= MAX_NAME_WORDS
        and _is_title_cased(name)
        and line[0] not in OPENING_QUOTES
        and not SENTENCE_ENDING.search(name)
        and "://" not in line
        and is_header(line) is None
    )


def _is_upper(line: str) -> bool:
    letters = [character for character in line if character.isalpha()]
    return bool(letters) and all(character.isupper() for character in letters)


def find_masthead(
    lines: list[str],
    menus: dict[str, list[str]],
    is_header: Callable[[str], object],
    is_headline: Callable[[str], bool],
) -> tuple[str, set[int]]:
    """The outlet a masthead at the top names, and the positions of its lines and menus.

    A name line counts when a menu follows it (perhaps after a tagline), or when it is in
    capitals and a headline follows; a menu whose first item is no section names the outlet.
    """
    top = lines[:MASTHEAD_LINES]
    menu_at = [
        index
        for index, line in enumerate(top)
        if comparable(line) in menus and is_header(line) is None
    ]
    if menu_at:
        first = menu_at[0]
        block = set(range(first, _menus_end(lines, first, menus)))
        if 1 <= first <= 2 and is_name_line(lines[0], is_header):
            return NAME_AND_TAGLINE.split(lines[0], maxsplit=1)[0], block | set(range(first))
        leading = menus[comparable(lines[first])][0]
        if comparable(leading) not in SECTION_WORDS:
            return leading, block
        return "", block
    if (
        top
        and _is_upper(top[0])
        and is_name_line(top[0], is_header)
        and any(is_headline(line) for line in top[1:])
    ):
        return NAME_AND_TAGLINE.split(top[0], maxsplit=1)[0], {0}
    return "", set()


def _menus_end(lines: list[str], start: int, menus: dict[str, list[str]]) -> int:
    end = start
    while end < len(lines) and end < start + MASTHEAD_LINES and comparable(lines[end]) in menus:
        end += 1
    return end


def spelled_as_in(name: str, text: str) -> str:
    """The name in the spelling the text uses most when the name is in capitals, else as is."""
    name = name.strip(" .,:;-–—|")
    # Initials ("LPA", "BBC") are a name's spelling, not capitals for show.
    if not _is_upper(name) or (len(name.split()) == 1 and len(name) <= MAX_INITIALS):
        return name
    words = r"\W+".join(re.escape(word) for word in WORD.findall(name))
    spellings = Counter(
        match[0]
        for match in re.finditer(rf"\b{words}\b", text, re.IGNORECASE)
        if not _is_upper(match[0])
    )
    if spellings:
        return spellings.most_common(1)[0][0]
    return " ".join(_title_word(word, first=index == 0) for index, word in enumerate(name.split()))


def _title_word(word: str, first: bool) -> str:
    letters = [character for character in word if character.isalpha()]
    if not first and word.casefold() in SMALL_WORDS:
        return word.casefold()
    # Call signs and initials ("FM", "TV", "NPR") stay in capitals.
    if len(letters) <= 2 or (len(letters) <= 4 and not set("AEIOUY") & set(letters)):
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def outlet_from_file_name(file_name: str) -> str:
    """The outlet a file name like "003_lowtown-gazette.txt" names; "" for numbers or hashes."""
    stem = NUMBERED_STEM.fullmatch(PurePath(file_name).stem)
    name = stem["name"] if stem else ""
    if HASH_LIKE.search(name):
        return ""
    parts = re.split(r"[_\s.-]+", name)
    if not parts or not all(FILE_NAME_WORD.fullmatch(part) for part in parts):
        return ""
    if not any(part.isalpha() and len(part) > 1 for part in parts):
        return ""
    return " ".join(part if part.isdigit() else part.capitalize() for part in parts)


def expand_initials(initials: str, text: str, file_name: str) -> str:
    """The full name behind an agency's initials ("NPA"), if the text or file name has it."""
    # Two letters ("AP") fit too many pairs of capitalised words to be expanded safely.
    if not initials.isupper() or not initials.isalpha() or len(initials) < MIN_EXPANDED_INITIALS:
        return initials
    phrase = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|the|for|&)\s+)?[A-Z][\w'’&-]*)+")
    for candidate in [*phrase.findall(text), outlet_from_file_name(file_name)]:
        capitals = "".join(word[0] for word in candidate.split() if word[0].isupper())
        if capitals == initials:
            return candidate
    return initials

"""Turns article files and uploads into clean text: decoding, size and sanity limits, mojibake
and odd spaces repaired."""

import codecs
import hashlib
import os
import pathlib
import re
import stat


class UnreadableFile(Exception):
    """A file that cannot be ingested; str(exc) names the file and the reason."""


# --- Decoding ---------------------------------------------------------------------------------

BYTE_ORDER_MARKS = [
    # UTF-32 first: its little-endian mark begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
UNMARKED_ENCODINGS = ["utf-8", "cp1252"]
# Unicode's control characters (category Cc) except the tab and line breaks of plain text.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Text has a stray control character at most; binary data decoded as Latin-1 has many.
MAX_CONTROL_CHARACTER_SHARE = 0.05


def decode_bytes(data: bytes, file_name: str) -> str:
    """Decodes by byte order mark, else as UTF-8, else as Windows-1252, else as Latin-1."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableFile(f"{file_name}: cannot be decoded as {encoding}") from None
            break
    else:
        if b"\x00" in data:
            raise UnreadableFile(f"{file_name}: looks binary, not text")
        text = _decode_unmarked(data)
    if _control_character_share(text) > MAX_CONTROL_CHARACTER_SHARE:
        raise UnreadableFile(f"{file_name}: looks binary, not text")
    return text


def _decode_unmarked(data: bytes) -> str:
    for encoding in UNMARKED_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    # Latin-1 gives every byte a character, so this last resort cannot fail.
    return data.decode("latin-1")


def _control_character_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_CHARACTER.findall(text)) / len(text)


# --- Reading a file ---------------------------------------------------------------------------


def read_text_file(path: pathlib.Path, max_bytes: int) -> str:
    """Reads and decodes one file, refusing anything that is not plain text of a sane size."""
    name = path.name
    before = _stat(path, name)
    if stat.S_ISDIR(before.st_mode):
        raise UnreadableFile(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(before.st_mode):
        raise UnreadableFile(f"{name}: is not a regular file")
    refuse_oversized(name, before.st_size, max_bytes)
    try:
        with path.open("rb") as stream:
            # One byte over the limit is enough to tell that the file grew past it.
            data = stream.read(max_bytes + 1)
        after = path.stat()
    except FileNotFoundError:
        raise UnreadableFile(f"{name}: changed while being read") from None
    except OSError as error:
        raise UnreadableFile(f"{name}: cannot be read ({error.strerror})") from None
    if (
        len(data) != before.st_size
        or after.st_size != before.st_size
        or after.st_mtime_ns != before.st_mtime_ns
    ):
        raise UnreadableFile(f"{name}: changed while being read")
    return decode_bytes(data, name)


def refuse_oversized(name: str, size: int, max_bytes: int) -> None:
    """Refuses a file or text of `size` bytes over the limit, naming it."""
    if size > max_bytes:
        raise UnreadableFile(f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit")


def _stat(path: pathlib.Path, name: str) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        raise UnreadableFile(f"{name}: no such file") from None
    except OSError as error:
        raise UnreadableFile(f"{name}: cannot be read ({error.strerror})") from None


# --- Cleaning lines ---------------------------------------------------------------------------


def _windows_1252_character(byte: int) -> str:
    """The character Windows-1252 shows for a byte; its five unused bytes show as C1 controls."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


WINDOWS_1252_BYTES = {_windows_1252_character(byte): byte for byte in range(0x80, 0x100)}
UTF8_CONTINUATIONS = re.escape("".join(map(_windows_1252_character, range(0x80, 0xC0))))
# UTF-8 read as Windows-1252: "â€œ" was “, "Ã©" was é, "Â " was a non-breaking space.
# Only these three lead characters are repaired: followed by continuation bytes they never
# occur in real text, so the repair is unambiguous.
MOJIBAKE = re.compile(f"[\u00c2\u00c3][{UTF8_CONTINUATIONS}]|\u00e2[{UTF8_CONTINUATIONS}]{{2}}")
LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029\x85]")
INVISIBLE_CHARACTER = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Every kind of whitespace but the line break: tabs, non-breaking, thin and other odd spaces.
SPACE_RUN = re.compile(r"[^\S\n]+")


def clean_lines(text: str) -> list[str]:
    """The text's non-empty lines, mojibake repaired and spaces normalised."""
    text = MOJIBAKE.sub(_undo_mojibake, text)
    text = LINE_BREAK.sub("\n", text)
    text = INVISIBLE_CHARACTER.sub("", text)
    lines = (SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _undo_mojibake(match: re.Match) -> str:
    try:
        return bytes(WINDOWS_1252_BYTES[character] for character in match[0]).decode("utf-8")
    except UnicodeDecodeError:
        return match[0]


def text_hash(text: str) -> str:
    """What tells two versions of a file apart: the hash of the text as read."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

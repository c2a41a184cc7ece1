"""Splits a YAML front matter block ("---" lines at the top) from an article's text and reads
its plain `key: value` fields, without a YAML library: only flat strings are wanted."""

import re

FENCE = re.compile(r"-{3,}")
FIELD = re.compile(r"(?P<key>[A-Za-z][\w-]*)\s*:(?:\s+(?P<value>.*))?")
# A block longer than this is no front matter but a text that opens with a rule.
MAX_FRONT_MATTER_LINES = 60


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's scalar fields (keys in lower case) and the text after the block.

    A text that does not open with a closed `---` block comes back whole with no fields.
    Lists, nested fields and empty values are left out.
    """
    lines = text.lstrip("\ufeff \t\r\n").splitlines(keepends=True)
    if not lines or not FENCE.fullmatch(lines[0].strip()):
        return {}, text
    for end, line in enumerate(lines[1 : MAX_FRONT_MATTER_LINES + 1], start=1):
        if FENCE.fullmatch(line.strip()) or line.strip() == "...":
            fields = _fields(lines[1:end])
            return (fields, "".join(lines[end + 1 :])) if fields else ({}, text)
    return {}, text


def _fields(lines: list[str]) -> dict[str, str]:
    fields = {}
    for line in lines:
        if line[:1].isspace() or line.lstrip().startswith(("#", "-")):
            continue
        match = FIELD.fullmatch(line.strip())
        if not match:
            continue
        value = _scalar(match["value"] or "")
        if value:
            fields.setdefault(match["key"].casefold().replace("-", "_"), value)
    return fields


def _scalar(value: str) -> str:
    """A quoted or bare YAML scalar as text; "" for lists, maps and block markers."""
    value = value.strip()
    if value[:1] in "\"'" and len(value) >= 2 and value[-1] == value[0]:
        inner = value[1:-1]
        if value[0] == "'":
            return inner.replace("''", "'").strip()
        return re.sub(r'\\(["\\/])', r"\1", inner).strip()
    if value[:1] in "[{|>&*!":
        return ""
    # A bare scalar ends where a comment starts.
    return re.sub(r"\s+#.*$", "", value).strip()

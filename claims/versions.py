"""An article's versions compared: which two a reader asked for, the words that changed
between them and the claims on which the article's position changed."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import ArticleVersion

from .filters import InvalidFilter
from .models import Claim, Position
from .positions import article_positions

# How a version's change of position on a claim starts, by the position it added or dropped.
ADDED = {
    Position.REPEATS: "added",
    Position.DENIES: "added the denial of",
    Position.BOTH: "added both sides of",
}
DROPPED = {
    Position.REPEATS: "dropped",
    Position.DENIES: "dropped the denial of",
    Position.BOTH: "dropped both sides of",
}
PARAGRAPH_BREAK = "\n\n"
# A word with the spaces before it: the diff compares words, the page keeps the spacing.
WORD = re.compile(r"\s*\S+")


@dataclass(frozen=True)
class PositionChange:
    """The article's position on `claim` in version `number` against the version compared;
    `claim` is None for a claim no longer in the story."""

    number: int
    claim: Claim | None
    before: Position
    after: Position
    # The last wording of a claim no longer in the story.
    gone_text: str = ""

    @property
    def claim_text(self):
        return self.claim.text if self.claim else self.gone_text

    @property
    def wording(self):
        """What the version did, to be followed by the claim: "version 2 dropped the denial
        of"."""
        if self.before == Position.SILENT:
            done = ADDED[self.after]
        elif self.after == Position.SILENT:
            done = DROPPED[self.before]
        else:
            done = f"changed from {self.before.label} to {self.after.label} on"
        return f"version {self.number} {done}"


@dataclass(frozen=True)
class VersionComparison:
    """Two versions of an article side by side, `older` being the one compared against."""

    versions: list
    older: ArticleVersion
    newer: ArticleVersion
    diff: SafeString
    changes: list

    @property
    def newest(self):
        return self.versions[-1]


def article_versions(article):
    """The article's versions, oldest first, without their texts; each given `has_archive`,
    whether its fetched HTML is kept."""
    has_archive = ExpressionWrapper(~Q(html=""), output_field=BooleanField())
    return list(
        article.versions.defer("body", "html", "positions")
        .annotate(has_archive=has_archive)
        .order_by("number")
    )


def compare_versions(article, query):
    """The comparison the query's `from` and `to` ask for (the newest version and the one
    before it by default); None while the article has fewer than two versions. A number that
    is not one of its versions raises InvalidFilter naming the parameter."""
    versions = article_versions(article)
    numbers = [version.number for version in versions]
    newer = _version_number(query, "to", numbers, numbers[-1] if numbers else None)
    older = _version_number(query, "from", numbers, _before(numbers, newer))
    if len(versions) < 2:
        return None
    texts = {
        version.number: version
        for version in article.versions.filter(number__in={older, newer}).only(
            "number", "body", "positions"
        )
    }
    if numbers[-1] in texts:
        # The newest version stands as the article does now, with editors' work since.
        texts[numbers[-1]].positions = article_positions(article)
    before, after = texts[older], texts[newer]
    return VersionComparison(
        versions=versions,
        older=next(v for v in versions if v.number == older),
        newer=next(v for v in versions if v.number == newer),
        diff=word_diff(before.body, after.body),
        changes=position_changes(before.positions, after.positions, newer),
    )


def _version_number(query, name, numbers, default):
    given = query.get(name, "").strip()
    if not given:
        return default
    # Compared as text: no digits of any script or length can break the conversion.
    if given not in {str(number) for number in numbers}:
        raise InvalidFilter(
            f"{name}: {given!r} is not a version of this article ({_versions_held(numbers)})"
        )
    return int(given)


def _versions_held(numbers):
    if len(numbers) > 1:
        return f"it has versions 1 to {numbers[-1]}"
    return "it has only version 1" if numbers else "it has none yet"


def _before(numbers, number):
    earlier = [n for n in numbers if n < number] if number is not None else []
    return earlier[-1] if earlier else number


def word_diff(old, new):
    """HTML of `new` against `old`: the words taken out in <del>, those put in in <ins>.
    Paragraphs are compared first, so only changed ones are compared word by word and a long
    article stays quick; everything from the texts is escaped."""
    old_paragraphs, new_paragraphs = old.split(PARAGRAPH_BREAK), new.split(PARAGRAPH_BREAK)
    matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    pieces = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_text = PARAGRAPH_BREAK.join(old_paragraphs[old_start:old_end])
        new_text = PARAGRAPH_BREAK.join(new_paragraphs[new_start:new_end])
        pieces.append(escape(new_text) if tag == "equal" else _word_changes(old_text, new_text))
    return mark_safe(PARAGRAPH_BREAK.join(pieces))


def _word_changes(old, new):
    old_words, new_words = WORD.findall(old), WORD.findall(new)
    matcher = SequenceMatcher(
        None, [w.strip() for w in old_words], [w.strip() for w in new_words], autojunk=False
    )
    html = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            html.append(escape("".join(new_words[new_start:new_end])))
            continue
        html.append(_marked("del", "".join(old_words[old_start:old_end])))
        html.append(_marked("ins", "".join(new_words[new_start:new_end])))
    return "".join(html)


def _marked(tag, words):
    """The words in `tag`, the spaces before them left outside it; nothing for no words."""
    if not words:
        return ""
    text = words.lstrip()
    return f"{escape(words[: len(words) - len(text)])}<{tag}>{escape(text)}</{tag}>"


def position_changes(before, after, number):
    """The claims on which two versions' positions, {str(claim id): position}, differ, as
    version `number` changed them. Claims merged since either version count as the claim
    they went into; a claim deleted since is named by its last wording in the history."""
    survivors = _survivors({int(claim_id) for claim_id in [*before, *after]})
    old, new = _by_survivor(before, survivors), _by_survivor(after, survivors)
    claims = Claim.objects.in_bulk({*old, *new})
    gone = {*old, *new} - claims.keys()
    wordings = _last_wordings(gone) if gone else {}
    changes = []
    for claim_id in {*old, *new}:
        was, now = old.get(claim_id, Position.SILENT), new.get(claim_id, Position.SILENT)
        if was != now:
            claim, wording = claims.get(claim_id), wordings.get(claim_id, "")
            changes.append(PositionChange(number, claim, was, now, wording))
    return sorted(changes, key=lambda change: (change.claim is None, change.claim_text))


def _last_wordings(claim_ids):
    """The last wording the history has of each of these deleted claims."""
    recorded = Claim.history.filter(id__in=claim_ids).order_by("id", "history_date")
    return dict(recorded.values_list("id", "text"))


def _survivors(claim_ids):
    """Each claim id's current claim, following merges of merges; a deleted claim stands for
    itself. One query per depth of merging."""
    merged_into, unknown = {}, set(claim_ids)
    while unknown:
        rows = dict(Claim.objects.filter(pk__in=unknown).values_list("pk", "merged_into_id"))
        merged_into.update(rows)
        unknown = {into for into in rows.values() if into is not None and into not in merged_into}
    survivors = {}
    for claim_id in claim_ids:
        current, seen = claim_id, {claim_id}
        while merged_into.get(current) in merged_into and merged_into[current] not in seen:
            current = merged_into[current]
            seen.add(current)
        survivors[claim_id] = current
    return survivors


def _by_survivor(positions, survivors):
    """The positions by current claim; two claims merged into one stand as their union."""
    stances = {}
    for claim_id, value in positions.items():
        survivor = survivors[int(claim_id)]
        taken = {Position.REPEATS, Position.DENIES} if value == Position.BOTH else {value}
        stances.setdefault(survivor, set()).update(taken)
    return {
        survivor: Position.DENIES if found == {Position.DENIES} else Position.of(found)
        for survivor, found in stances.items()
    }

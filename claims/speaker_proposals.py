"""Finds a story's speakers stored twice, under a shorter and a longer name, and merges them
or proposes the merge to editors.

A speaker is in another when its name is, word for word, part of the other's: a person's
surname alone or without a first name or title ("Lind", "Mayor Maja Lind" in "Maja Lind"), a
body's name without the words before its head noun ("Harbour Ferries" in "Lowtown Harbour
Ferries"); see claims.analysis.names.contains_name. Speakers of different kinds never merge,
nor do sources named by role ("a senior official" could be anyone).

Ingestion merges a speaker itself only when that is unambiguous, that is when all of these hold:

- in this story, exactly one longer speaker's name contains it (counted after titles are
  dropped, so "Maja Lind" and "Mayor Maja Lind" are one), after the longer names that could
  merge have merged; or a speaker has its very words, spelt otherwise ("mayor’s office");
- no other story names it: Speaker rows are shared by all stories and a merge renames it in
  every one, where the same surname may be someone else;
- no editor rejected its merge into any of those longer names;
- a body's shorter name is a proper name, not a description: "the union" becomes an alias the
  next ingestion of any story maps to this union.

Otherwise each longer name is proposed, once: a pair an editor rejected is never proposed again.
"""

from collections import defaultdict

from django.db.models import Q

from .analysis.names import name_words, words_within
from .editorial import SpeakerMergeProposal
from .models import Claim, Mention, Quote, Speaker, SpeakerKind

# Only these kinds go by names that can be contained in another's.
NAMED_KINDS = (SpeakerKind.PERSON, SpeakerKind.INSTITUTION)


class StorySpeaker:
    """A speaker of the story with the words its name is compared by."""

    def __init__(self, speaker):
        self.speaker = speaker
        self.words = name_words(speaker.name, speaker.kind)
        # The better of two names for one speaker: more words, then fewer titles, then older.
        self.rank = (len(self.words), -len(speaker.name), -speaker.pk)

    def is_in(self, other):
        return (
            other.rank > self.rank
            and other.speaker.kind == self.speaker.kind
            and words_within(self.words, other.words, self.speaker.kind)
        )


def propose_speaker_merges(story):
    """Merge or propose to merge the story's speakers that are in another's name; the number
    merged and the number proposed."""
    containers = _containers(_speakers_of(story))
    if not containers:
        return 0, 0
    shorter_ids = [named.speaker.pk for named in containers]
    decided = _decided(shorter_ids)
    elsewhere = _named_in_other_stories(story, shorter_ids)
    merged, proposed, gone = 0, 0, set()
    # The longest names first, so that "Maja Lind" merges into "Anna Maja Lind" before
    # "Lind" looks for the one name it is in.
    for named in sorted(containers, key=lambda n: n.rank, reverse=True):
        alive = [other for other in containers[named] if other.speaker.pk not in gone]
        targets = _best_of_each_name(alive)
        # The same words spelt otherwise ("mayor’s office") are this name, not a longer one.
        targets = [t for t in targets if t.words == named.words] or targets
        if not targets:
            continue
        doubt = _doubt(named, alive, targets, decided, elsewhere)
        if doubt is None:
            _merge(story, named, targets[0], decided)
            gone.add(named.speaker.pk)
            merged += 1
            # The merge moved proposals into the merged speaker over to its survivor.
            decided = _decided(shorter_ids)
            continue
        for target in targets:
            if (named.speaker.pk, target.speaker.pk) not in decided:
                _propose(story, named, target, doubt)
                proposed += 1
    return merged, proposed


def _containers(speakers):
    """{speaker: the speakers whose names contain its name}, for those in any."""
    by_last_word = defaultdict(list)
    for speaker in speakers:
        named = StorySpeaker(speaker)
        if named.words:
            by_last_word[named.words[-1]].append(named)
    # Both kinds of containment keep the last word: only names that share it are compared.
    found = {
        named: [other for other in group if named.is_in(other)]
        for group in by_last_word.values()
        for named in group
    }
    return {named: others for named, others in found.items() if others}


def _decided(speaker_ids):
    """The proposals made before for these speakers, by (speaker id, into id)."""
    return {
        (p.speaker_id, p.into_id): p
        for p in SpeakerMergeProposal.objects.filter(speaker__in=speaker_ids)
    }


def _speakers_of(story):
    """The speakers the story's quotes and mentions name, of the kinds that can merge."""
    quoted = Quote.objects.filter(article__story=story).values("speaker")
    mentioned = Mention.objects.filter(article__story=story).values("speaker")
    return Speaker.objects.filter(
        Q(pk__in=quoted) | Q(pk__in=mentioned), kind__in=NAMED_KINDS
    ).order_by("pk")


def _named_in_other_stories(story, speaker_ids):
    """The ids of these speakers that another story's quotes, mentions or claims name."""
    found = set()
    for rows, speaker_field, story_field in [
        (Quote.objects, "speaker", "article__story"),
        (Mention.objects, "speaker", "article__story"),
        (Claim.objects, "origin_speaker", "story"),
    ]:
        found |= set(
            rows.filter(**{f"{speaker_field}__in": speaker_ids})
            .exclude(**{story_field: story})
            .values_list(f"{speaker_field}_id", flat=True)
        )
    return found


def _best_of_each_name(containers):
    """One speaker per name among the longer speakers: "Maja Lind" and "Mayor Maja Lind"
    are one name, and the better ranked speaks for it."""
    best = {}
    for other in containers:
        key = tuple(other.words)
        if key not in best or other.rank > best[key].rank:
            best[key] = other
    return sorted(best.values(), key=lambda n: n.rank, reverse=True)


def _doubt(named, alive, targets, decided, elsewhere):
    """Why the merge of `named` into one of `targets`, the best of the `alive` speakers it is
    in, is only proposed, in words for the editor; None when it is unambiguous."""
    rejected = SpeakerMergeProposal.Status.REJECTED
    for target in alive:
        earlier = decided.get((named.speaker.pk, target.speaker.pk))
        if earlier is not None and earlier.status == rejected:
            return f"an editor kept it apart from “{target.speaker.name}”"
    if len(targets) > 1:
        return f"{len(targets)} longer names in this story contain it"
    if named.speaker.pk in elsewhere:
        return "another story names it too, maybe for someone else"
    # A description ("the union") merged into a name would become its alias in every story;
    # the same words spelt otherwise ("mayor’s office") add no new alias.
    name = named.speaker.name
    description = named.speaker.kind == SpeakerKind.INSTITUTION and name == name.lower()
    if description and named.words != targets[0].words:
        return "it is a description that may stand for another body elsewhere"
    return None


def _merge(story, named, target, decided):
    """Merge as an accepted proposal that no editor decided, so editors see what ingestion
    merged."""
    reason = (
        "Ingestion merged it: the only longer name in this story containing "
        f"“{named.speaker.name}”, which no other story names."
    )
    proposal = decided.get((named.speaker.pk, target.speaker.pk)) or SpeakerMergeProposal(
        story=story, speaker=named.speaker, speaker_name=named.speaker.name, into=target.speaker
    )
    if proposal.pk is None:
        proposal.save()
    proposal.accept(editor=None, reason=reason)


def _propose(story, named, target, doubt):
    reason = f"{doubt[:1].upper()}{doubt[1:]}."
    SpeakerMergeProposal.objects.create(
        story=story,
        speaker=named.speaker,
        speaker_name=named.speaker.name,
        into=target.speaker,
        reason=reason[: SpeakerMergeProposal._meta.get_field("reason").max_length],
    )

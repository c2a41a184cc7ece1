"""The claims of one story as ingestion sees them: the claim a statement states, found or
made, filled in where the machine knew nothing yet, and merged when two turn out alike."""

from collections import Counter

from articles.store import source_named

from .analysis.statements import NEGATION_TERM
from .clustering import DENIAL_MATCH_THRESHOLD, ClaimIndex
from .models import Claim, ClaimTally, SetBy, Stance
from .summary import outlets_of, refresh_outlets

# Fields of a claim the machine fills in once, from the first statement that gives them (the
# origin speaker is worked out by finish(), from all the story's articles).
FILLED_ONCE = ("event_date", "origin_source")
# Passes of finish() over the story's claims; merges after the third are rare.
MERGE_PASSES = 3


class StoryClaims:
    """Matches statements to the claims of one story and keeps its claim index current."""

    def __init__(self, story):
        self.story = story
        self.index = ClaimIndex()
        # Claims first stated negated ("no meeting took place"): restating them denies nothing.
        self.negative_claims = set()
        self.last_claim_id = 0
        self.catch_up()
        # What the machine already knows of each claim, so it asks the database once.
        self.known_fields = {}
        for claim_id, *filled in Claim.objects.filter(story=story).values_list("pk", *FILLED_ONCE):
            self.known_fields[claim_id] = {n for n, v in zip(FILLED_ONCE, filled, strict=True) if v}
        self.changed_terms = set()
        # Claims changed with update(), which the history has not seen yet.
        self.unrecorded = set()
        self.credited_sources = {}
        # How often each claim of the story is denied: bare denials lean towards those.
        self.denial_counts = Counter(
            dict(
                ClaimTally.objects.filter(story=story, contested=True).values_list(
                    "claim", "denials"
                )
            )
        )
        self.claims_made = 0
        # Claims whose mentions this run changed: finish() looks at these, not the whole story.
        self.touched = set()

    def catch_up(self):
        """Index the claims stored since the last look, by this or another ingest."""
        new_claims = Claim.objects.current().filter(story=self.story, pk__gt=self.last_claim_id)
        for claim_id, terms in new_claims.values_list("pk", "match_terms").iterator():
            if claim_id not in self.index.terms_by_claim:
                self.index.add(claim_id, terms.split())
                if NEGATION_TERM in terms.split():
                    self.negative_claims.add(claim_id)
            self.last_claim_id = max(self.last_claim_id, claim_id)

    def take_unrecorded(self):
        """The ids of the claims changed with update() since the last call."""
        taken, self.unrecorded = self.unrecorded, set()
        return taken

    def forget(self, claim_id):
        self.index.remove(claim_id)

    def claim_for(self, statement, reference_date, grown):
        """The id of the story's claim this statement states, made new when none matches;
        the claim goes into `grown` when the statement gave it new terms."""
        claim_id = self._match(statement)
        negated = NEGATION_TERM in statement.terms
        if claim_id is None:
            claim_id = Claim.objects.create(
                story=self.story,
                text=statement.content[:2000] or statement.sentence[:2000],
                match_terms=" ".join(sorted(statement.terms)),
            ).pk
            self.claims_made += 1
            if negated:
                self.negative_claims.add(claim_id)
        elif (
            negated and statement.stance == Stance.REPEATS and claim_id not in self.negative_claims
        ):
            # "Nobody is moving the plant" says the opposite of "the plant is moving": it denies.
            statement.stance = Stance.DENIES
        self._complete(claim_id, statement, reference_date)
        if self.index.add(claim_id, statement.terms):
            grown.add(claim_id)
            self.changed_terms.add(claim_id)
        return claim_id

    def _match(self, statement):
        """The claim a statement states; a denial's own negation is no part of what it denies."""
        if statement.stance != Stance.DENIES:
            return self.index.best_match(statement.terms)
        return self.index.best_match(
            statement.terms - {NEGATION_TERM}, threshold=DENIAL_MATCH_THRESHOLD
        )

    def _complete(self, claim_id, statement, reference_date):
        """Fill in what the machine did not know yet; never touch what an editor set."""
        known = self.known_fields.setdefault(claim_id, set())

        def fill(field_name, value):
            Claim.objects.filter(pk=claim_id, set_by=SetBy.MACHINE, **{field_name: None}).update(
                **{field_name: value}
            )
            known.add(field_name)
            self.unrecorded.add(claim_id)

        event_date = (
            statement.date_phrase.resolve(reference_date) if statement.date_phrase else None
        )
        if event_date and "event_date" not in known:
            fill("event_date", event_date)
        if statement.stance != Stance.REPEATS:
            return
        if statement.credited_source and "origin_source" not in known:
            source = self.credited_sources.get(statement.credited_source)
            if source is None:
                source = source_named(statement.credited_source)
                self.credited_sources[statement.credited_source] = source
            fill("origin_source", source)

    def _answered_claim(self, denial, claim_of_statement, denied_here):
        """Of the reports a bare denial may answer, the claim the story already sees denied,
        counting the denials of this article found so far."""
        candidates = [
            claim_of_statement[i] for i in denial.close_candidates if i in claim_of_statement
        ]
        if not candidates:
            return claim_of_statement.get(denial.answers)
        denied = self.denial_counts + denied_here
        best = max(range(len(candidates)), key=lambda i: (denied[candidates[i]], -i))
        return candidates[best]

    def answered_claims(self, denial, claim_of_statement, denied_here):
        """Every claim a bare denial answers: the one _answered_claim finds and, for a blanket
        denial ("the report is false"), each other claim of the report it rejects."""
        first = self._answered_claim(denial, claim_of_statement, denied_here)
        found = [] if first is None else [first]
        for index in denial.answers_all:
            claim_id = claim_of_statement.get(index)
            if claim_id is not None and claim_id not in found:
                found.append(claim_id)
        return found

    def merge_into_older(self, claim_id):
        """Merge a machine claim into an older claim it now matches; the surviving claim's id."""
        terms = self.index.terms_by_claim.get(claim_id)
        if terms is None:
            return claim_id
        match = self.index.best_match(terms, exclude={claim_id})
        if match is None or match > claim_id:
            return claim_id
        claim = Claim.objects.filter(
            pk=claim_id, set_by=SetBy.MACHINE, verdict=Claim.Verdict.UNREVIEWED, editor_note=""
        ).first()
        if claim is None:
            return claim_id
        survivor = Claim.objects.current().filter(pk=match).first()
        if survivor is None:
            # Merged away by another ingest since we indexed it.
            self.index.remove(match)
            return claim_id
        self.index.remove(claim_id)
        self.index.add(match, terms)
        self.changed_terms.add(match)
        self.touched.add(match)
        self.denial_counts[match] += self.denial_counts.pop(claim_id, 0)
        moving_outlets = outlets_of([claim_id])
        survivor.absorb([claim])
        refresh_outlets([match, claim_id], **moving_outlets)
        return match

    def finish(self):
        """Merge the claims this run changed into older ones they turned out alike to, then
        store the terms that changed. Claims made early in a run were matched with little to
        compare against: look at them again; the claims the run left alone cannot have come
        to match each other."""
        self.catch_up()
        # A merge gives the survivor new terms, which may make it match a claim already looked
        # at: look again until nothing merges, a few times at most, as each pass costs a lookup
        # per claim.
        for _ in range(MERGE_PASSES):
            looked_at = (self.touched | self.changed_terms) & set(self.index.terms_by_claim)
            merged = [
                claim_id
                for claim_id in sorted(looked_at, reverse=True)
                if self.merge_into_older(claim_id) != claim_id
            ]
            if not merged:
                break
        for claim_id in self.changed_terms & set(self.index.terms_by_claim):
            terms = " ".join(sorted(self.index.terms_by_claim[claim_id]))
            Claim.objects.filter(pk=claim_id).update(match_terms=terms)
        self._fill_origins(self.touched)

    def _fill_origins(self, claim_ids):
        """Date each of these machine claims and credit its origin by the articles, now all
        are in: its speaker is who first asserted it, by publication date and then place in
        the text; its outlet, where no sentence credited one, the first to report it; its
        date, where no sentence gave one, the earliest day an article carried it. Read from
        the claims' tallies, one row each."""
        tallies = ClaimTally.objects.filter(claim__in=claim_ids, claim__set_by=SetBy.MACHINE)
        first = {
            claim_id: {
                "event_date": published,
                "origin_source": source_id,
                "origin_speaker": speaker_id,
            }
            for claim_id, published, source_id, speaker_id in tallies.values_list(
                "claim_id",
                "first_published",
                "first_repeat__article__source_id",
                "first_speaker_repeat__speaker_id",
            )
        }
        claims = Claim.objects.filter(pk__in=first, set_by=SetBy.MACHINE).only(
            "origin_speaker_id", "origin_source_id", "event_date"
        )
        for claim in claims:
            seen = first[claim.pk]
            wanted = {"origin_speaker_id": seen.get("origin_speaker")}
            if claim.origin_source_id is None:
                wanted["origin_source_id"] = seen.get("origin_source")
            if claim.event_date is None:
                wanted["event_date"] = seen["event_date"]
            # A re-run changes few claims: write only those, not every claim of the story.
            changed = {k: v for k, v in wanted.items() if getattr(claim, k) != v}
            if changed:
                Claim.objects.filter(pk=claim.pk).update(**changed)
                self.unrecorded.add(claim.pk)

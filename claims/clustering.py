"""Finds the claim a new statement states, among the story's claims, by the words they share."""

import math
from collections import Counter, defaultdict

# A statement states a claim when its score (below) reaches this, about half of its weighted
# terms found in the claim: loose enough for a translation's rewording, strict enough to keep
# apart two claims about the same people.
MATCH_THRESHOLD = 0.4
# A denial in its own words ("denied it had been warned months ago") names only the core of
# what it denies, so it covers less of its claim; and a claim only a denial states is rarely
# what the story holds, as a denial exists because something was reported. Three quarters of
# the threshold of a report.
DENIAL_MATCH_THRESHOLD = 0.3
# Fewer shared terms than this is chance ("president", "said", a place), whatever the score...
MIN_SHARED_TERMS = 3
# ... except for a short statement, whose few terms are nearly all it says.
SHORT_STATEMENT_TERMS = 6
MIN_SHARED_SHORT = 2
# Only a statement's rarest terms, and those no commoner than a candidate list is long, are
# looked up: common words ("president") would make every claim a candidate, and the cost of a
# lookup must not grow with the size of the story. Looking up the rarest few alone missed
# claims that share the statement's middling words, which are most of what a rewording keeps.
LOOKUP_TERMS = 6
# Of the claims found that way, only those sharing the most of those terms are scored.
MAX_CANDIDATES = 30
# A claim that has gathered this many terms takes no more: its terms would match anything.
MAX_TERMS_PER_CLAIM = 60


class ClaimIndex:
    """The terms of each claim of one story, with an inverted index for candidate lookup."""

    def __init__(self):
        self.terms_by_claim = {}
        self.claims_by_term = defaultdict(set)
        self.term_counts = Counter()

    def __len__(self):
        return len(self.terms_by_claim)

    def add(self, claim_id, terms):
        """Index the claim under these terms too; whether that gave it any new term."""
        known = self.terms_by_claim.get(claim_id, frozenset())
        new_terms = frozenset(terms) - known
        if not new_terms or len(known) + len(new_terms) > MAX_TERMS_PER_CLAIM:
            return False
        self.terms_by_claim[claim_id] = known | new_terms
        for term in new_terms:
            self.claims_by_term[term].add(claim_id)
            self.term_counts[term] += 1
        return True

    def remove(self, claim_id):
        for term in self.terms_by_claim.pop(claim_id, ()):
            self.claims_by_term[term].discard(claim_id)
            self.term_counts[term] -= 1

    def weight(self, term):
        """Rare terms say more about which claim this is than common ones. The floor of 1 keeps
        a statement's words the story has not seen yet from outweighing all it shares."""
        return 1.0 + math.log((1 + len(self)) / (1 + self.term_counts[term]))

    def best_match(self, terms, exclude=(), threshold=MATCH_THRESHOLD):
        """The claim whose terms cover the statement best, or None below the threshold."""
        needed = MIN_SHARED_SHORT if len(terms) <= SHORT_STATEMENT_TERMS else MIN_SHARED_TERMS
        if len(terms) < needed:
            return None
        known_terms = [t for t in terms if self.term_counts[t] > 0]
        ranked = sorted(known_terms, key=lambda t: (self.term_counts[t], t))
        rarest = ranked[:LOOKUP_TERMS] + [
            t for t in ranked[LOOKUP_TERMS:] if self.term_counts[t] <= MAX_CANDIDATES
        ]
        shared = Counter(c for t in rarest for c in self.claims_by_term.get(t, ()))
        for claim_id in exclude:
            shared.pop(claim_id, None)
        # Weights change only when the index does: work each out once per lookup.
        weights = {}

        def weight_of(claim_terms):
            total = 0.0
            for term in claim_terms:
                if term not in weights:
                    weights[term] = self.weight(term)
                total += weights[term]
            return total

        statement_weight = weight_of(terms)
        best_claim, best_score = None, threshold
        for claim_id, _ in shared.most_common(MAX_CANDIDATES):
            claim_terms = self.terms_by_claim[claim_id]
            shared_terms = terms & claim_terms
            if len(shared_terms) < needed:
                continue
            score = _score(weight_of(shared_terms), statement_weight, weight_of(claim_terms))
            if score >= best_score:
                best_claim, best_score = claim_id, score
        return best_claim


def _score(shared_weight, statement_weight, claim_weight):
    """Mostly "how much of the statement the claim covers", tempered by the claim's breadth."""
    return shared_weight / math.sqrt(statement_weight * min(claim_weight, 2 * statement_weight))

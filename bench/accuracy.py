"""Measure ingestion of the Biden–Zelensky story against the hand-made gold annotation."""

import json
import os
import string
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
STORY_SLUG = "biden-zelensky-call"
STORY_DIR = PROJECT_DIR / "data" / "stories" / STORY_SLUG
GOLD_FILE = PROJECT_DIR / "tests" / "gold" / f"{STORY_SLUG}.json"

QUOTE_F1_TARGET = 0.95
SPEAKER_ACCURACY_TARGET = 0.90
CONTESTED_STANCE_TARGET = 0.90
# A predicted quote may clip or add a word and still be the same quote, but not much more.
QUOTE_OVERLAP_RATIO = 0.8

# The cleaner may straighten typographic quotes; folding them one character for one keeps
# offsets valid while letting gold and body text meet.
TYPOGRAPHIC_QUOTE_FOLD = str.maketrans("“”„‟«»‘’‚‛‹›", "\"\"\"\"\"\"''''''")
QUOTE_EDGE_CHARACTERS = string.punctuation + "“”„‟«»‘’‚‛‹›…–—" + string.whitespace


def use_throwaway_database(database_file):
    """Point Django at an empty SQLite file: the benchmark must never touch the real database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ["DATABASE_URL"] = f"sqlite:///{database_file}"
    # Run as a script, only bench/ is on the path; the apps live in the project folder.
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()


def ingest_story():
    """Build the story from its files; False when the ingest command does not exist yet."""
    from django.core.management import call_command, get_commands

    call_command("migrate", verbosity=0)
    if "ingest" not in get_commands():
        return False
    call_command("ingest", f"{STORY_DIR}{os.sep}")
    return True


def ratio(part, whole):
    return part / whole if whole else 0.0


def f1_score(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def normalise_quote(text):
    """Lowercase, one space between words, no quotation marks or punctuation at either end."""
    folded = text.translate(TYPOGRAPHIC_QUOTE_FOLD).lower()
    return " ".join(folded.split()).strip(QUOTE_EDGE_CHARACTERS)


def whitespace_folded(text):
    """The text with each whitespace run made one space, and where each character came from."""
    folded, origins = [], []
    for index, character in enumerate(text.translate(TYPOGRAPHIC_QUOTE_FOLD)):
        if character.isspace():
            if folded and folded[-1] == " ":
                continue
            character = " "
        folded.append(character)
        origins.append(index)
    return "".join(folded), origins


def locate_sentence(sentence, body):
    """The (start, end) of the gold sentence in the article body, or None when it is absent."""
    folded_body, origins = whitespace_folded(body)
    folded_sentence = " ".join(sentence.translate(TYPOGRAPHIC_QUOTE_FOLD).split())
    found_at = folded_body.find(folded_sentence)
    if found_at < 0:
        return None
    return origins[found_at], origins[found_at + len(folded_sentence) - 1] + 1


def quote_texts_match(first, second):
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= QUOTE_OVERLAP_RATIO * len(longer)


def match_quotes(gold_quotes, predicted_quotes):
    """Pair each gold quote, in file order, with the first unpaired predicted quote matching it."""
    predicted_texts = [normalise_quote(quote.text) for quote in predicted_quotes]
    unpaired = list(range(len(predicted_quotes)))
    pairs = []
    for gold_quote in gold_quotes:
        gold_text = normalise_quote(gold_quote["text"])
        for index in unpaired:
            if quote_texts_match(gold_text, predicted_texts[index]):
                pairs.append((gold_quote, predicted_quotes[index]))
                unpaired.remove(index)
                break
    return pairs


def speaker_names(speaker):
    return {speaker.name.lower()} | {alias.name.lower() for alias in speaker.aliases.all()}


def speaker_is_right(gold_speaker, predicted_speaker):
    if predicted_speaker is None:
        return False
    gold_names = {gold_speaker["name"].lower()} | {v.lower() for v in gold_speaker["variants"]}
    if speaker_names(predicted_speaker) & gold_names:
        return True
    # Anonymous sources have no true name: "a Ukrainian official" may be filed under any
    # anonymous speaker whose name carries the same head noun.
    return (
        gold_speaker["kind"] == "anonymous"
        and predicted_speaker.kind == "anonymous"
        and gold_speaker["head"].lower() in predicted_speaker.name.lower()
    )


def print_rate(label, part, whole):
    print(f"  {label:36} {ratio(part, whole):6.3f}  ({part}/{whole})")


def predicted_quotes_of(article):
    from claims.models import Quote

    return list(
        Quote.objects.filter(article=article)
        .select_related("speaker")
        .prefetch_related("speaker__aliases")
        .order_by("start")
    )


def gold_quotes_in_body(gold_quotes, body):
    """Split gold quotes into those the body holds and those it lost (a headline, site chrome).

    The reader moves headlines and chrome out of the body, and every predicted offset points
    into the body, so a quote outside it cannot be predicted: it is reported, not scored.
    """
    folded_body = whitespace_folded(body)[0]
    kept, left_out = [], []
    kept_per_text = Counter()
    for gold_quote in gold_quotes:
        folded_text = " ".join(gold_quote["text"].translate(TYPOGRAPHIC_QUOTE_FOLD).split())
        # A headline quote repeated in the chrome must not borrow the body's one occurrence.
        if kept_per_text[folded_text] < folded_body.count(folded_text):
            kept_per_text[folded_text] += 1
            kept.append(gold_quote)
        else:
            left_out.append(gold_quote)
    return kept, left_out


def match_quotes_per_file(gold, articles_by_file):
    """Print matched / gold / predicted per file; return the pairs, the counts, the left-out quotes.

    Each pair is (file name, gold quote, predicted quote).
    """
    all_pairs, quotes_outside_bodies = [], []
    counts = Counter()
    print("Quotes per file (matched / gold / predicted)")
    for file_name, annotation in gold["files"].items():
        gold_quotes = annotation["quotes"]
        article = articles_by_file.get(file_name)
        predicted_quotes = []
        if article:
            gold_quotes, left_out = gold_quotes_in_body(gold_quotes, article.body)
            quotes_outside_bodies.extend((file_name, gold_quote) for gold_quote in left_out)
            predicted_quotes = predicted_quotes_of(article)
        pairs = match_quotes(gold_quotes, predicted_quotes)
        print(f"  {file_name:32} {len(pairs):3} / {len(gold_quotes):3} / {len(predicted_quotes):3}")
        all_pairs.extend((file_name, gold_quote, quote) for gold_quote, quote in pairs)
        counts["gold"] += len(gold_quotes)
        counts["predicted"] += len(predicted_quotes)
        counts["gold_speech"] += sum(quote["kind"] == "speech" for quote in gold_quotes)
        matched_speech = sum(gold_quote["kind"] == "speech" for gold_quote, _ in pairs)
        counts["matched_speech"] += matched_speech
        # A predicted quote belongs to the speech subset by its gold kind when it has one:
        # a wrong kind is scored once, by kind accuracy, not again as a missed speech quote.
        matched_ids = {quote.pk for _, quote in pairs}
        counts["predicted_speech"] += matched_speech + sum(
            quote.kind == "speech" for quote in predicted_quotes if quote.pk not in matched_ids
        )
    return all_pairs, counts, quotes_outside_bodies


def print_quote_detection(all_pairs, counts, quotes_outside_bodies):
    """Print precision, recall and F1 for all and for speech quotes, and kind accuracy;
    return the F1 over all quotes."""
    precision = ratio(len(all_pairs), counts["predicted"])
    recall = ratio(len(all_pairs), counts["gold"])
    quote_f1 = f1_score(precision, recall)
    speech_precision = ratio(counts["matched_speech"], counts["predicted_speech"])
    speech_recall = ratio(counts["matched_speech"], counts["gold_speech"])
    print("\nQuote detection")
    print(f"  all quotes     P {precision:.3f}  R {recall:.3f}  F1 {quote_f1:.3f}")
    print(
        f"  speech quotes  P {speech_precision:.3f}  R {speech_recall:.3f}  "
        f"F1 {f1_score(speech_precision, speech_recall):.3f}"
    )
    right_kinds = sum(gold_quote["kind"] == quote.kind for _, gold_quote, quote in all_pairs)
    print_rate("scare/speech kind on matched quotes", right_kinds, len(all_pairs))
    for file_name, gold_quote in quotes_outside_bodies:
        print(f"  not in the body of {file_name}, left out: {gold_quote['text'][:60]!r}")
    return quote_f1


def measure_speakers(gold, all_pairs):
    """Print speaker accuracy on matched quotes the gold credits, and each mistake; return it."""
    gold_speakers = {speaker["name"]: speaker for speaker in gold["speakers"]}
    credited_pairs = [pair for pair in all_pairs if pair[1]["speaker"] is not None]
    mistakes = [
        (file_name, quote.start, gold_quote["speaker"], quote.speaker)
        for file_name, gold_quote, quote in credited_pairs
        if not speaker_is_right(gold_speakers[gold_quote["speaker"]], quote.speaker)
    ]
    right_speakers = len(credited_pairs) - len(mistakes)
    print("\nSpeakers")
    print_rate("speaker on matched credited quotes", right_speakers, len(credited_pairs))
    for file_name, start, gold_name, predicted in mistakes:
        predicted_name = predicted.name if predicted else "(none)"
        print(f"    {file_name} @{start}: gold {gold_name!r}, predicted {predicted_name!r}")
    return ratio(right_speakers, len(credited_pairs))


def measure_quotes(gold, articles_by_file):
    """Print quote, kind and speaker scores; return (quote F1, speaker accuracy)."""
    all_pairs, counts, quotes_outside_bodies = match_quotes_per_file(gold, articles_by_file)
    quote_f1 = print_quote_detection(all_pairs, counts, quotes_outside_bodies)
    return quote_f1, measure_speakers(gold, all_pairs)


def mentions_of_articles(articles):
    """The mentions in each article, by article id, and the text of each claim they belong to."""
    from claims.models import Mention

    mentions_by_article = defaultdict(list)
    claim_texts = {}
    for mention in Mention.objects.filter(article__in=articles).select_related("claim"):
        mentions_by_article[mention.article_id].append(mention)
        claim_texts[mention.claim_id] = mention.claim.text
    return mentions_by_article, claim_texts


def locate_evidence(claim, articles_by_file, mentions_by_article):
    """Each evidence item of the gold claim found in its article, with the mentions overlapping
    it, as (evidence, article, mentions); and how many items were not found (each is warned)."""
    located, unlocated = [], 0
    for evidence in claim["evidence"]:
        article = articles_by_file.get(evidence["file"])
        span = locate_sentence(evidence["sentence"], article.body) if article else None
        if span is None:
            unlocated += 1
            print(f"  warning: not in {evidence['file']}: {evidence['sentence'][:70]!r}")
            continue
        candidates = [
            mention
            for mention in mentions_by_article[article.pk]
            if mention.start < span[1] and mention.end > span[0]
        ]
        located.append((evidence, article, candidates))
    return located, unlocated


def score_claim_stances(claim, located, claim_texts):
    """Print how many of the claim's located evidence items got the right stance in the
    predicted claim most of them fall in; return (claim, outlet, correct) for each item."""
    votes = Counter(mention.claim_id for _, _, candidates in located for mention in candidates)
    predicted_claim_id = votes.most_common(1)[0][0] if votes else None
    results = []
    correct = 0
    all_in_one_claim = bool(located)
    for evidence, article, candidates in located:
        in_predicted_claim = [m for m in candidates if m.claim_id == predicted_claim_id]
        is_correct = any(m.stance == evidence["stance"] for m in in_predicted_claim)
        correct += is_correct
        all_in_one_claim = all_in_one_claim and bool(in_predicted_claim)
        outlet = article.source.name if article.source else article.file_name
        results.append((claim, outlet, is_correct))
    predicted_text = (
        claim_texts[predicted_claim_id][:70] if predicted_claim_id else "(no predicted claim)"
    )
    print(
        f"  {claim['id']:46} {correct:2}/{len(located):<2} "
        f"{'one claim' if all_in_one_claim else 'SCATTERED'}  -> {predicted_text}"
    )
    return results


def print_stances_per_outlet(results):
    print("\nStance per outlet")
    outcomes_by_outlet = defaultdict(list)
    for _, outlet, is_correct in results:
        outcomes_by_outlet[outlet].append(is_correct)
    for outlet, outcomes in sorted(outcomes_by_outlet.items()):
        print_rate(outlet[:36], sum(outcomes), len(outcomes))


def measure_stances(gold, articles_by_file):
    """Print per-claim, per-outlet and overall stance scores; return contested-claim accuracy."""
    mentions_by_article, claim_texts = mentions_of_articles(articles_by_file.values())
    results = []  # (claim, outlet, correct) for every evidence item found in its article
    unlocated = 0
    print("\nStance per gold claim (correct/total, all evidence in one predicted claim)")
    for claim in gold["claims"]:
        located, claim_unlocated = locate_evidence(claim, articles_by_file, mentions_by_article)
        unlocated += claim_unlocated
        results.extend(score_claim_stances(claim, located, claim_texts))

    print_stances_per_outlet(results)
    contested = [is_correct for claim, _, is_correct in results if claim["contested"]]
    print("\nStance overall")
    print_rate("all evidence", sum(is_correct for _, _, is_correct in results), len(results))
    print_rate("evidence on contested claims", sum(contested), len(contested))
    if unlocated:
        print(f"  ({unlocated} gold evidence sentences not found in the bodies; left out above)")
    return ratio(sum(contested), len(contested))


def print_summary(quote_f1, speaker_accuracy, contested_stance_accuracy):
    print("\nSummary                                  value  target")
    for label, value, target in (
        ("quote F1", quote_f1, QUOTE_F1_TARGET),
        ("speaker accuracy", speaker_accuracy, SPEAKER_ACCURACY_TARGET),
        ("stance accuracy (contested claims)", contested_stance_accuracy, CONTESTED_STANCE_TARGET),
    ):
        verdict = "PASS" if value >= target else "BELOW"
        print(f"  {label:36} {value:6.3f}  {target:.2f}  {verdict}")


def main():
    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="newsroom-accuracy-") as database_dir:
        use_throwaway_database(Path(database_dir) / "accuracy.sqlite3")
        if not ingest_story():
            print(
                "The 'ingest' management command does not exist yet: nothing to measure.",
                file=sys.stderr,
            )
            return 1

        from articles.models import Article

        articles_by_file = {
            Path(article.file_name).name: article
            for article in Article.objects.filter(story__slug=STORY_SLUG).select_related("source")
        }
        for file_name in gold["files"]:
            if file_name not in articles_by_file:
                print(f"warning: {file_name} was not ingested; its quotes count as missed")
        quote_f1, speaker_accuracy = measure_quotes(gold, articles_by_file)
        contested_stance_accuracy = measure_stances(gold, articles_by_file)
        print_summary(quote_f1, speaker_accuracy, contested_stance_accuracy)
    # A measurement, not a test: falling short of a target is reported, not failed.
    return 0


if __name__ == "__main__":
    sys.exit(main())

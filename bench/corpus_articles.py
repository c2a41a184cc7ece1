"""Compose one synthetic article: its sentences, paragraphs, headline and file layout."""

import re

from corpus_vocabulary import (
    ACCUSERS,
    AGGREGATOR_NOTE,
    ANONYMOUS,
    BACKGROUND,
    BACKGROUND_DAYS,
    BARE_DENIALS,
    CITIES,
    DENIAL_FORMS,
    DENIERS,
    FOLLOW_UPS,
    HEADLINE_FORMS,
    PEOPLE,
    REPORT_FORMS,
    REPORTER_NAMES,
    SYNONYMS,
    TOWNS,
    WEEKDAYS,
)

SYNONYM_WORD = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b")


def capitalised(text):
    return text[:1].upper() + text[1:]


def quote_marks(rng):
    """Straight or curly marks, one kind per article, as outlets differ."""
    return ("“", "”") if rng.random() < 0.6 else ('"', '"')


def speaker_forms(rng, key):
    """The ways an article names a person: full name with role, title and name, short name."""
    name, short, title, role, pronoun = PEOPLE[key]
    full = rng.choice([f"{name}, {role},", f"{capitalised(title)} {name}", name])
    return {"speaker": full, "short": short, "pronoun": pronoun}


def report_sentence(rng, claim, outlet, marks):
    """A sentence that repeats the claim, said by someone or in the outlet's own voice."""
    clause = rng.choice(claim["wordings"])
    values = {
        "clause": clause,
        "Clause": capitalised(clause),
        "anonymous": rng.choice(ANONYMOUS),
        "outlet": outlet,
        "weekday": rng.choice(WEEKDAYS),
        "follow_up": rng.choice(FOLLOW_UPS),
        "open": marks[0],
        "close": marks[1],
    }
    values["Anonymous"] = capitalised(values["anonymous"])
    values.update(speaker_forms(rng, rng.choice(ACCUSERS)))
    return rng.choice(REPORT_FORMS).format(**values)


def denial_sentence(rng, claim, marks, bare):
    """A sentence that denies the claim, naming it or answering the report just before."""
    institution, spokesperson = DENIERS[claim["denier"]]
    values = {
        "clause": rng.choice(claim["wordings"]),
        "institution": institution,
        "open": marks[0],
        "close": marks[1],
    }
    values.update(speaker_forms(rng, spokesperson))
    form = rng.choice(BARE_DENIALS if bare else DENIAL_FORMS)
    return form.format(**values)


def background_sentence(rng):
    return rng.choice(BACKGROUND).format(
        town=rng.choice(TOWNS),
        city=rng.choice(CITIES),
        thousands=rng.randint(2, 40),
        days=rng.choice(BACKGROUND_DAYS),
        weekday=rng.choice(WEEKDAYS),
    )


def claim_paragraph(rng, claim, outlet, marks):
    """A report of the claim, often followed by a denial, sometimes by background."""
    sentences = [report_sentence(rng, claim, outlet, marks)]
    roll = rng.random()
    if roll < 0.3:
        sentences.append(denial_sentence(rng, claim, marks, bare=True))
    elif roll < 0.5:
        sentences.append(denial_sentence(rng, claim, marks, bare=False))
    if rng.random() < 0.5:
        sentences.append(background_sentence(rng))
    return " ".join(sentences)


def write_paragraphs(rng, claims, weights, outlet, size):
    """Paragraphs of reports, denials and background, until the text is about `size` bytes;
    and the article's headline, from its first claim."""
    marks = quote_marks(rng)
    paragraphs, written, lead = [], 0, None
    while written < size:
        if lead and rng.random() < 0.15:
            paragraph = " ".join(background_sentence(rng) for _ in range(2))
        else:
            claim = rng.choices(claims, weights)[0]
            lead = lead or claim
            paragraph = claim_paragraph(rng, claim, outlet, marks)
        paragraphs.append(paragraph)
        written += len(paragraph.encode("utf-8")) + 2
    return paragraphs, rng.choice(HEADLINE_FORMS).format(h=capitalised(lead["headline"]))


def date_line(rng, day):
    forms = [
        day.strftime("%B {d}, %Y").replace("{d}", str(day.day)),
        f"{day.day} {day.strftime('%B %Y')}",
        day.isoformat(),
        "Published " + day.strftime("%B {d}, %Y").replace("{d}", str(day.day)),
        day.strftime("%A, %B {d}, %Y").replace("{d}", str(day.day)),
    ]
    return rng.choice(forms)


def slug_of(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def article_text(rng, headline, paragraphs, outlet, day, number):
    """The file's text: headline, date, optional URL, byline, body, in one of several layouts."""
    name, domain, kind = outlet
    author = rng.choice(REPORTER_NAMES)
    url = f"https://www.{domain}/{day.year}/{day.month:02d}/{slug_of(headline)}-{number}"
    layout = rng.randrange(4)
    if layout == 0:
        top = [f"{headline} | {name}", date_line(rng, day), f"By {author}"]
        bottom = []
    elif layout == 1:
        top = [headline, date_line(rng, day), url, f"By {author}"]
        bottom = [f"{author} is a reporter for {name}."]
    elif layout == 2:
        top = ["Skip to content", headline, f" | {name}", f"By {author}", date_line(rng, day)]
        bottom = ["Share this article", url]
    else:
        top = [headline, date_line(rng, day), f"Source: {url}", f"BY {author.upper()}"]
        bottom = []
    if kind == "aggregator":
        bottom.append(AGGREGATOR_NOTE)
    return "\n".join(top) + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(bottom) + "\n"


def spun(rng, paragraphs):
    """The paragraphs with about half the swappable words replaced, a paragraph sometimes lost."""

    def swap(match):
        word = match[0]
        return rng.choice(SYNONYMS[word]) if rng.random() < 0.5 else word

    copied = [SYNONYM_WORD.sub(swap, paragraph) for paragraph in paragraphs]
    if len(copied) > 4 and rng.random() < 0.5:
        del copied[rng.randrange(len(copied))]
    return copied


def spun_headline(rng, headline):
    """The headline with every swappable word replaced, as a copy's headline is reworded."""
    return SYNONYM_WORD.sub(lambda match: rng.choice(SYNONYMS[match[0]]), headline)

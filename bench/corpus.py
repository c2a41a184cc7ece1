"""Write a synthetic story: N plain-text articles from many outlets, and its story.toml.

    .venv/bin/python bench/corpus.py OUT_DIR --articles N [--seed S]

Everything comes from the templates below: an invented dam failure in an invented country,
told by invented outlets and people. The same seed always gives the same files. About fifty
claims recur across the articles in varied wording, repeated by some outlets and denied by
others; some articles are near-copies of earlier ones with words swapped for synonyms, as
machine translation and article spinners do.
"""

import argparse
import datetime
import random
import re
from pathlib import Path

STORY_TITLE = "The Vellmar Dam failure"
STORY_DESCRIPTION = (
    "The Vellmar Dam above Brennick gave way after heavy rain; outlets report who was warned, "
    "who delayed the evacuation and who was paid for repairs never made, and officials deny it."
)
FIRST_DAY = datetime.date(2025, 3, 3)
STORY_DAYS = 60
MIN_BYTES, MAX_BYTES = 2000, 4800
COPY_SHARE = 0.15

# name, domain, kind: "paper" writes its own reporting, "aggregator" mostly copies.
OUTLETS = [
    ("The Dorvany Ledger", "dorvanyledger.com", "paper"),
    ("Brennick Evening Post", "brennickpost.com", "paper"),
    ("Northgate Wire", "northgatewire.net", "paper"),
    ("Sarovian Broadcasting Service", "sbs-sarovia.org", "paper"),
    ("The Meridian Courier", "meridiancourier.com", "paper"),
    ("Olm Valley Herald", "olmvalleyherald.com", "paper"),
    ("Continental Daily", "continentaldaily.eu", "paper"),
    ("Harbourline News", "harbourline.news", "paper"),
    ("The Lantern", "thelantern-online.com", "paper"),
    ("Crossway Times", "crosswaytimes.com", "paper"),
    ("Eastmarch Observer", "eastmarchobserver.com", "paper"),
    ("Pinecrest Tribune", "pinecresttribune.com", "paper"),
    ("Civic Monitor", "civicmonitor.org", "paper"),
    ("The Atlas Report", "atlasreport.com", "paper"),
    ("Riverbend Today", "riverbendtoday.com", "paper"),
    ("Kestrel News Agency", "kestrelnews.com", "paper"),
    ("Morning Signal", "morningsignal.net", "paper"),
    ("Bellhaven Chronicle", "bellhavenchronicle.com", "paper"),
    ("The Quarryman", "quarrymanmag.com", "paper"),
    ("Lowland Gazette", "lowlandgazette.com", "paper"),
    ("Capital Standard", "capitalstandard.net", "paper"),
    ("Dorvany Radio News", "dorvanyradio.org", "paper"),
    ("The Week in Sarovia", "weekinsarovia.com", "paper"),
    ("Ferrow Street Journal", "ferrowstreet.com", "paper"),
    ("Westreach Post", "westreachpost.com", "paper"),
    ("Granite Coast Mail", "granitecoastmail.com", "paper"),
    ("Plainfield Record", "plainfieldrecord.com", "paper"),
    ("Halden Bay Times", "haldenbaytimes.com", "paper"),
    ("Newsfold", "newsfold.io", "aggregator"),
    ("DailyDigest24", "dailydigest24.com", "aggregator"),
    ("WorldNewsHub", "worldnewshub.info", "aggregator"),
    ("Info Portal Sarovia", "infoportal-sarovia.com", "aggregator"),
    ("Headline Stream", "headlinestream.net", "aggregator"),
    ("Top Stories Now", "topstoriesnow.co", "aggregator"),
    ("Global Feed Express", "globalfeedexpress.com", "aggregator"),
    ("Eurowire Today", "eurowiretoday.com", "aggregator"),
    ("Reader Central", "readercentral.net", "aggregator"),
    ("The Newsroll", "thenewsroll.com", "aggregator"),
]

REPORTERS = """Talia Brisk, Ondrej Vasko, Mirela Santori, Fenwick Aldous, Priya Renfield, Gustav
Oberlin, Noor Haskell, Beatrix Mallory, Cosimo Ferrante, Ines Lockwood, Rupert Danvers, Elke
Sommerfeld, Yusuf Karadag, Maren Quist, Lionel Ashby, Sabine Carrow, Tobias Wendt, Amara Okafor,
Declan Fairweather, Judit Halmos, Magnus Rehn, Celeste Duvall, Henrik Tollefsen, Oona Marsh,
Bastian Kreuz, Leonie Farrant, Arvid Sellke, Carmen Ibarrola, Ewan Tulloch, Freya Lindholm"""
REPORTER_NAMES = [name.strip() for name in REPORTERS.split(",")]

# name, short name, title before the name, role after it, pronoun.
PEOPLE = {
    "varnholt": ("Ilse Varnholt", "Varnholt", "Water Minister", "the water minister", "she"),
    "pelk": ("Dario Pelk", "Pelk", "ministry spokesman", "a spokesman for the ministry", "he"),
    "rosslyn": ("Anneke Rosslyn", "Rosslyn", "opposition leader", "the opposition leader", "she"),
    "tervill": ("Jonah Tervill", "Tervill", "Mayor", "the mayor of Brennick", "he"),
    "castellane": (
        "Mira Castellane",
        "Castellane",
        "engineer",
        "a structural engineer who inspected the dam",
        "she",
    ),
    "hallbeck": (
        "Piet Hallbeck",
        "Hallbeck",
        "construction chief",
        "chief executive of Hallbeck Construction",
        "he",
    ),
    "maskell": (
        "Teodor Maskell",
        "Maskell",
        "civil defence chief",
        "the civil defence chief",
        "he",
    ),
    "ardelle": (
        "Sunniva Ardelle",
        "Ardelle",
        "hydrologist",
        "a hydrologist at the University of Dorvany",
        "she",
    ),
    "quennell": (
        "Rafael Quennell",
        "Quennell",
        "Deputy Interior Minister",
        "the deputy interior minister",
        "he",
    ),
    "dorrit": (
        "Halina Dorrit",
        "Dorrit",
        "inspector",
        "an inspector with the Dam Safety Authority",
        "she",
    ),
    "osterhage": (
        "Lena Osterhage",
        "Osterhage",
        "residents' leader",
        "who leads the Brennick residents' association",
        "she",
    ),
}
ACCUSERS = ["rosslyn", "tervill", "castellane", "ardelle", "dorrit", "osterhage"]
ANONYMOUS = [
    "a senior official",
    "a person familiar with the inspection",
    "two engineers who worked on the site",
    "a ministry insider",
    "an official who asked not to be named",
    "a source close to the prime minister",
    "a rescue worker who was at the scene",
    "a government adviser",
]
# Who denies what: an institution, and the person who speaks for it.
DENIERS = {
    "ministry": ("The Ministry of Water", "pelk"),
    "company": ("Hallbeck Construction", "hallbeck"),
    "government": ("The prime minister's office", "quennell"),
    "authority": ("The Dam Safety Authority", "maskell"),
}

# Each claim template: headline, three wordings of the same clause, the fills that make one
# claim each, and who denies it. The wordings share their content words loosely, as outlets do.
CLAIM_TEMPLATES = [
    {
        "headline": "{who} was warned of dam cracks in {month}",
        "wordings": [
            "{who} was warned about cracks in the Vellmar Dam in {month}",
            "{who} had been told of cracks in the Vellmar Dam as early as {month}",
            "{who} knew about the cracks in the Vellmar Dam by {month}",
        ],
        "fills": [
            {"who": "the water minister", "month": "January"},
            {"who": "the prime minister's chief of staff", "month": "November"},
            {"who": "the regional governor", "month": "October"},
        ],
        "denier": "ministry",
    },
    {
        "headline": "Evacuation of {town} came {hours} hours late",
        "wordings": [
            "the evacuation order for {town} was delayed by {hours} hours",
            "{town} was told to evacuate {hours} hours later than engineers advised",
            "the order to leave {town} came {hours} hours too late",
        ],
        "fills": [
            {"town": "Brennick", "hours": "nine"},
            {"town": "Lower Olm", "hours": "six"},
            {"town": "Castmere", "hours": "twelve"},
        ],
        "denier": "authority",
    },
    {
        "headline": "Cheap concrete used on the {part}",
        "wordings": [
            "Hallbeck Construction used a cheaper grade of concrete on the {part}",
            "a cheaper concrete mix was poured into the {part} by Hallbeck Construction",
            "Hallbeck Construction cut costs with lower-grade concrete in the {part}",
        ],
        "fills": [{"part": "spillway"}, {"part": "north wall"}, {"part": "outlet tunnel"}],
        "denier": "company",
    },
    {
        "headline": "{year} dam inspection report kept from parliament",
        "wordings": [
            "the {year} inspection report on the dam was kept from parliament",
            "parliament never saw the {year} inspection report on the dam",
            "the government withheld the dam's {year} inspection report from lawmakers",
        ],
        "fills": [{"year": "2019"}, {"year": "2021"}, {"year": "2023"}],
        "denier": "government",
    },
    {
        "headline": "{amount} million paid for repairs never made",
        "wordings": [
            "the ministry paid Hallbeck Construction {amount} million crowns for repairs "
            "that were never made",
            "{amount} million crowns in repair money went to Hallbeck Construction for work "
            "that was never done",
            "Hallbeck Construction billed {amount} million crowns for dam repairs it never "
            "carried out",
        ],
        "fills": [{"amount": "14"}, {"amount": "22"}, {"amount": "37"}],
        "denier": "company",
    },
    {
        "headline": "Dam sensors were off for {days} days",
        "wordings": [
            "the water-level sensors on the dam were switched off for {days} days",
            "the dam's monitoring sensors stayed dark for {days} days before the breach",
            "nobody read the dam's water-level sensors for {days} days",
        ],
        "fills": [{"days": "three"}, {"days": "eleven"}, {"days": "forty"}],
        "denier": "authority",
    },
    {
        "headline": "{caller} phoned {callee} on the eve of the breach",
        "wordings": [
            "{caller} called {callee} the night before the dam gave way",
            "{callee} received a phone call from {caller} on the eve of the collapse",
            "{caller} telephoned {callee} hours before the breach",
        ],
        "fills": [
            {"caller": "Piet Hallbeck", "callee": "the water minister"},
            {"caller": "the civil defence chief", "callee": "the prime minister"},
            {"caller": "the dam's night engineer", "callee": "the mayor of Brennick"},
        ],
        "denier": "government",
    },
    {
        "headline": "{count} engineers warned the dam could fail",
        "wordings": [
            "{count} engineers signed a letter warning that the dam could fail",
            "a letter signed by {count} engineers warned that the dam might give way",
            "{count} engineers wrote to the ministry that the dam was close to failing",
        ],
        "fills": [{"count": "twelve"}, {"count": "thirty"}, {"count": "five"}],
        "denier": "ministry",
    },
    {
        "headline": "{who} offered to resign",
        "wordings": [
            "{who} offered to resign after the flood",
            "{who} handed in a letter of resignation that was refused",
            "{who} tried to step down in the days after the flood",
        ],
        "fills": [
            {"who": "the water minister"},
            {"who": "the head of the Dam Safety Authority"},
            {"who": "the deputy interior minister"},
        ],
        "denier": "government",
    },
    {
        "headline": "Hallbeck bosses got bonuses after {year} contract",
        "wordings": [
            "Hallbeck Construction executives were paid bonuses after the {year} dam contract",
            "bonuses went to the managers of Hallbeck Construction once the {year} contract "
            "was signed",
            "the {year} dam contract earned Hallbeck Construction's bosses large bonuses",
        ],
        "fills": [{"year": "2018"}, {"year": "2020"}, {"year": "2022"}],
        "denier": "company",
    },
    {
        "headline": "The {gate} gates were stuck shut",
        "wordings": [
            "the {gate} gates of the dam were stuck shut when the rain came",
            "the dam's {gate} gates could not be opened during the storm",
            "operators failed to open the jammed {gate} gates of the dam",
        ],
        "fills": [{"gate": "spillway"}, {"gate": "sluice"}, {"gate": "overflow"}],
        "denier": "authority",
    },
    {
        "headline": "Designer warned in {year} that the spillway was too small",
        "wordings": [
            "the dam's designer warned in {year} that the spillway was too small",
            "as early as {year}, the man who designed the dam said its spillway was too small",
            "the dam's own designer judged its spillway too small in {year}",
        ],
        "fills": [{"year": "1998"}, {"year": "2007"}, {"year": "2015"}],
        "denier": "authority",
    },
    {
        "headline": "Army kept waiting {hours} hours",
        "wordings": [
            "army units were kept on standby for {hours} hours without orders",
            "soldiers waited {hours} hours for an order to help that never came",
            "the army was ready to deploy but held back for {hours} hours",
        ],
        "fills": [{"hours": "eight"}, {"hours": "fifteen"}, {"hours": "twenty"}],
        "denier": "government",
    },
    {
        "headline": "{town} residents were never told of the risk",
        "wordings": [
            "residents of {town} were never told that the dam was at risk",
            "nobody warned the people of {town} about the danger from the dam",
            "the families of {town} learned of the risk only when the water arrived",
        ],
        "fills": [{"town": "Brennick"}, {"town": "Castmere"}, {"town": "Lower Olm"}],
        "denier": "authority",
    },
    {
        "headline": "Safety audit was rewritten by {who}",
        "wordings": [
            "the dam safety audit was rewritten by {who} before it was published",
            "{who} changed the conclusions of the dam safety audit",
            "the published safety audit had been edited by {who}",
        ],
        "fills": [
            {"who": "ministry lawyers"},
            {"who": "advisers to the water minister"},
            {"who": "Hallbeck Construction's consultants"},
        ],
        "denier": "ministry",
    },
    {
        "headline": "Emergency fund of {amount} million went unspent",
        "wordings": [
            "an emergency fund of {amount} million crowns for the dam was never spent",
            "{amount} million crowns set aside for dam emergencies stayed in the bank",
            "the ministry left a {amount} million crown emergency fund for the dam untouched",
        ],
        "fills": [{"amount": "5"}, {"amount": "18"}, {"amount": "60"}],
        "denier": "ministry",
    },
]

DENIAL_FORMS = [
    "{institution} said the report that {clause} was completely false.",
    "{institution} denied that {clause}.",
    "{institution} dismissed the claim that {clause} as baseless.",
    "{institution} rejected reports that {clause}.",
    "{speaker} disputed the account that {clause}.",
    "{open}Reports that {clause} are simply untrue,{close} {speaker} said.",
    "{open}It is not true that {clause},{close} {short} told reporters.",
]
# A bare denial follows the report it answers, as in "The ministry said the report was false."
BARE_DENIALS = [
    "{institution} said the report was completely false.",
    "{open}This is not true,{close} {short} said. {open}We have nothing to hide.{close}",
    "{institution} called the claim misleading.",
    "{open}These are lies,{close} {speaker} told reporters.",
]
REPORT_FORMS = [
    "{speaker} told reporters that {clause}.",
    "{speaker} said on {weekday} that {clause}.",
    "{speaker} said {clause}, according to a statement.",
    "{Clause}, {anonymous} said.",
    "According to {anonymous}, {clause}.",
    "{Anonymous} told {outlet} that {clause}.",
    "{open}{Clause},{close} {short} said.",
    "{speaker} did not hold back. {open}{Clause},{close} {pronoun} added. "
    "{open}{follow_up}.{close}",
    "{open}We know that {clause},{close} {speaker} said in an interview.",
    "Documents seen by {outlet} show that {clause}.",
    "{Clause}, {outlet} has learned.",
    "{Clause}, {short} wrote on social media.",
]
FOLLOW_UPS = [
    "We have the documents to prove it",
    "People deserve to know who decided this",
    "That is not a rumour, it is a fact",
    "Somebody has to answer for it",
    "I said so at the time and nobody listened",
    "The families of Brennick will not forget",
]
BACKGROUND = [
    "Rescue teams worked through the night in {town}, where water reached the second floor of "
    "many houses.",
    "The Vellmar Dam was built in the 1970s and holds back the Olm river above Brennick.",
    "More than {thousands} thousand people were moved to schools and sports halls in {city}.",
    "Heavy rain had fallen on the Olm valley for {days} days before the dam gave way.",
    "Parliament will hold an emergency session on the flood on {weekday}.",
    "Volunteers from {city} brought food, blankets and drinking water to the shelters.",
    "The main road between {city} and {town} remained closed on {weekday}.",
    "Insurers have estimated the damage at several hundred million crowns.",
    "Power was restored to most of {town} by the end of the week.",
    "Schools in the valley will stay closed until further notice.",
    "The Olm river is expected to fall below its warning level within {days} days.",
    "Farmers downstream of the dam said their fields were still under water.",
    "An independent commission is to report on the failure by the end of the year.",
    "Divers searched the flooded streets of {town} for people still missing.",
    "The prime minister visited a shelter in {city} and promised help to every family.",
]
TOWNS = ["Brennick", "Castmere", "Lower Olm", "Hollin Ford", "Ashgrove"]
CITIES = ["Dorvany", "Kestrelmoor", "Sallow Cross", "Brennick"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

AGGREGATOR_NOTE = (
    "This story was published automatically from a news feed; the site's editors have not "
    "reviewed this content."
)

# Swaps a machine translation or an article spinner makes: the copy keeps the facts and the
# order but changes words.
SYNONYMS = {
    "said": ["stated", "declared"],
    "told": ["informed"],
    "warned": ["cautioned", "alerted"],
    "delayed": ["postponed", "held up"],
    "residents": ["inhabitants", "locals"],
    "people": ["persons", "citizens"],
    "dam": ["barrage", "dike"],
    "cracks": ["fissures", "cracking"],
    "report": ["account", "reporting"],
    "flood": ["flooding", "deluge"],
    "never": ["not ever", "at no time"],
    "cheaper": ["less expensive", "cheap"],
    "letter": ["missive", "written notice"],
    "houses": ["homes", "dwellings"],
    "night": ["evening"],
    "bonuses": ["premiums"],
    "repairs": ["repair works", "fixes"],
    "completely": ["totally", "entirely"],
    "false": ["untrue", "wrong"],
    "week": ["week's time"],
    "families": ["households"],
    "water": ["waters"],
}
SYNONYM_WORD = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b")


def build_claims():
    """Every claim: its template and the three wordings with one fill applied."""
    claims = []
    for template in CLAIM_TEMPLATES:
        for fill in template["fills"]:
            claims.append(
                {
                    "headline": template["headline"].format(**fill),
                    "wordings": [wording.format(**fill) for wording in template["wordings"]],
                    "denier": template["denier"],
                }
            )
    return claims


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
        days=rng.choice(["three", "four", "five", "six"]),
        weekday=rng.choice(WEEKDAYS),
    )


def claim_weights(claims):
    """A few claims are told everywhere, most now and then: weights fall with the rank."""
    return [1 / (rank + 1) for rank in range(len(claims))]


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
    forms = ["{h}", "{h}, sources say", "Vellmar Dam: {h}", "{h}, documents show", "{h} – report"]
    return paragraphs, rng.choice(forms).format(h=capitalised(lead["headline"]))


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


def write_corpus(folder, articles, seed):
    """Writes `articles` files and story.toml into `folder`; returns the bytes written."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.toml").write_text(
        f'title = "{STORY_TITLE}"\ndescription = "{STORY_DESCRIPTION}"\n', encoding="utf-8"
    )
    claims = build_claims()
    rng.shuffle(claims)
    weights = claim_weights(claims)
    papers = [outlet for outlet in OUTLETS if outlet[2] == "paper"]
    written_articles = []
    total = 0
    for number in range(articles):
        # Publication dates move forward through the story with some spread.
        day = FIRST_DAY + datetime.timedelta(
            days=min(STORY_DAYS, int(STORY_DAYS * number / max(1, articles)) + rng.randint(0, 3))
        )
        copying = written_articles and rng.random() < COPY_SHARE
        if copying:
            headline, paragraphs = rng.choice(written_articles[-200:])
            outlet = rng.choice(OUTLETS)
            paragraphs = spun(rng, paragraphs)
            headline = SYNONYM_WORD.sub(lambda match: rng.choice(SYNONYMS[match[0]]), headline)
        else:
            outlet = rng.choice(papers)
            size = rng.randint(MIN_BYTES, MAX_BYTES)
            paragraphs, headline = write_paragraphs(rng, claims, weights, outlet[0], size)
            written_articles.append((headline, paragraphs))
        text = article_text(rng, headline, paragraphs, outlet, day, number)
        path = folder / f"{number:05d}-{slug_of(outlet[0])}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", help="folder to write into (its name is the story's slug)")
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = write_corpus(args.out_dir, args.articles, args.seed)
    print(f"{args.articles} articles, {total / 1e6:.2f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()

"""The words the synthetic story is written with: outlets, people, sentence forms, synonyms."""

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

# Bylines: the invented reporters an article may be signed by.
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
# Keys of the people in PEOPLE who make the claims, on the record.
ACCUSERS = ["rosslyn", "tervill", "castellane", "ardelle", "dorrit", "osterhage"]
# Unnamed sources an outlet may credit a claim to instead.
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

# Sentences that deny a claim by restating it.
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
# Sentences that repeat a claim, credited to a speaker, a source or the outlet.
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
# A second quoted sentence a speaker may add after stating a claim.
FOLLOW_UPS = [
    "We have the documents to prove it",
    "People deserve to know who decided this",
    "That is not a rumour, it is a fact",
    "Somebody has to answer for it",
    "I said so at the time and nobody listened",
    "The families of Brennick will not forget",
]
# Sentences about the flood that state no claim, to pad paragraphs as reports do.
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
# Flooded towns the background sentences name.
TOWNS = ["Brennick", "Castmere", "Lower Olm", "Hollin Ford", "Ashgrove"]
# Larger places the background sentences name, where help comes from.
CITIES = ["Dorvany", "Kestrelmoor", "Sallow Cross", "Brennick"]
# Days a statement or an event may be dated to.
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Spelled-out day counts the background sentences use.
BACKGROUND_DAYS = ["three", "four", "five", "six"]

# The disclaimer an aggregator prints under each copied article.
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
# How an article turns its lead claim's headline {h} into its own headline.
HEADLINE_FORMS = [
    "{h}",
    "{h}, sources say",
    "Vellmar Dam: {h}",
    "{h}, documents show",
    "{h} – report",
]

"""Word lists for finding what a claim or a denial is about, beyond those of lexicon.py."""

# Determiners that deny a thing exists: "there was no disagreement", "there were no talks".
NO_DETERMINERS = frozenset("no".split())

# The empty subject of a sentence that says whether something exists: "there was ...".
EXISTENTIAL_SUBJECTS = frozenset("there".split())

# Ordinal words, read as the figures of a date: "the twenty-seventh of March" is "27 March".
ORDINAL_WORDS = {
    word: value
    for value, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth""".split(),
        start=1,
    )
} | {"thirtieth": 30}

# Endings of an ordinal written in figures: "27th", "1st".
ORDINAL_ENDINGS = ("st", "nd", "rd", "th")

# Entity labels of named things that outlets also call by their last word: "the bridge".
THING_NAME_LABELS = frozenset("ORG FAC LOC EVENT LAW PRODUCT".split())

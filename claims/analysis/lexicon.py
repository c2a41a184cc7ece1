"""The vocabulary every stage of the analysis reads: each word list with the one job it has.

Lists hold lower-case words, as lemmas where the stage compares lemmas. A new rule that needs a
word list adds it here, with a line on what it is for; a stage never keeps words of its own.
"""

from articles.vocabulary import MONTHS, NAME_PARTICLES, WEEKDAYS

__all__ = ["MONTHS", "NAME_PARTICLES", "WEEKDAYS"]  # re-exported: article reading shares them

# --- Who speaks -------------------------------------------------------------------------------

# Verbs that introduce what someone said; the quote or clause they govern is that person's words.
REPORTING_VERBS = frozenset(
    """say tell add tweet write note insist state claim report warn explain reply respond
    announce declare confirm acknowledge argue assert caution comment complain continue
    emphasise emphasize indicate maintain mention observe point post read remark reiterate
    repeat reveal stress suggest urge describe characterize characterise call ask admit
    allege predict promise vow deny dispute reject dismiss refute disagree retort""".split()
)

# Phrases that name the source a whole sentence rests on, whoever else speaks inside it.
SOURCE_CUES = ("according to", "citing")

# Nouns naming a person by role rather than by name: "a senior official told ..."
ROLE_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson spokespeople aide
    aides diplomat diplomats adviser advisor advisers advisors officer officers insider
    insiders person people correspondent reporter representative representatives envoy
    minister secretary analyst analysts expert experts lawmaker lawmakers member members
    director directors head chief chiefs boss
    staffer staffers employee employees witness witnesses resident residents""".split()
)

# Endings of nouns for people by what they do, beyond ROLE_NOUNS: "curator", "historian".
PERSON_NOUN_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "eer", "ee")

# Words that only say how much a role-named speaker is known; dropped from their canonical name.
VAGUE_WORDS = frozenset(
    """a an the at least one another some certain several senior top high ranking high-ranking
    unnamed anonymous unidentified identified familiar this that these those who which two
    three four five according to""".split()
)

# Determiners that point back at a role already named: "the official" after "a senior official".
DEFINITE_WORDS = frozenset("the this that".split())

# Nouns for what was said rather than who said it: "the tweet reads", "the statement said".
UTTERANCE_NOUNS = frozenset(
    """tweet tweets statement statements post readout reading transcript message letter release
    report reports memo note""".split()
)

# Titles that taggers leave at the front of a name: "Secretary of Transport Mara Quell".
TITLE_WORDS = frozenset(
    """president vice secretary minister prime deputy foreign defense defence state general gen
    senator sen representative rep governor gov mayor chancellor ambassador judge justice dr
    mr mrs ms miss sir lord lady king queen prince princess pope commissioner chairman
    chairwoman chair director chief spokesman spokeswoman colonel col lt captain admiral
    sergeant sgt professor prof rev""".split()
)

# Pronouns that stand for one person, and the gender each tells: "she added".
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

# The pronoun of a group: after "The ministry denied ...", "they said" is the ministry.
GROUP_PRONOUN = "they"

# Subjects that say nothing about who spoke: "it said", "this shows".
EMPTY_SUBJECTS = frozenset("it this that there which what who i we you".split())

# Relative pronouns as subjects: "X, the correspondent, who tweeted" speaks as X.
RELATIVE_SUBJECTS = frozenset("who that which".split())

# Entity labels of speakers that are organisations or places rather than people.
INSTITUTION_LABELS = frozenset("ORG FAC GPE NORP".split())

# Prepositions after which a PERSON entity is a platform, not a person: "took to Twitter".
PLATFORM_PREPOSITIONS = frozenset("to on via".split())

# Prepositions that join a role to its details; "official of the ministry" and "ministry
# official" share the same details without them.
ROLE_PREPOSITIONS = frozenset("for of on in at from with to side".split())

# --- Denials ----------------------------------------------------------------------------------

# Verbs that deny whatever they take as object or clause.
DENIAL_VERBS = frozenset("deny dispute refute debunk contradict disagree".split())

# Verbs that deny only when their object is something said: "dismissed the comments".
DENIAL_IF_SPEECH_OBJECT = frozenset("dismiss reject challenge question".split())

# Reporting verbs that deny the words below them, so they do not credit those words to their
# subject: "X denied that Y said ...".
DENYING_CUES = REPORTING_VERBS & (DENIAL_VERBS | DENIAL_IF_SPEECH_OBJECT)

# Nouns for something said, which a denial can take as object: "rejected the report".
SPEECH_NOUNS = frozenset(
    """report reports reporting claim claims comment comments account accounts allegation
    allegations characterization characterisation characterizations description assertion
    assertions story stories rumor rumour rumors rumours suggestion remark remarks statement
    version narrative portrayal interpretation depiction""".split()
)

# Adjectives that call what was said false: "the report is false", "baseless claims".
FALSE_WORDS = frozenset(
    """false untrue wrong inaccurate baseless unfounded misleading incorrect fake fabricated
    bogus groundless nonsense""".split()
)

# Adjectives that deny once negated: "this is not true".
TRUTH_WORDS = frozenset("true accurate correct".split())

# Nouns that call what was said a lie: "spreading lies".
LIE_NOUNS = frozenset("lie lies falsehood falsehoods disinformation misinformation".split())

# The idiom "take issue with": its verb and the noun that makes it deny.
TAKE_ISSUE = ("take", "issue")

# Nouns that name what a bare denial points back at: "That characterization was false".
ANSWERED_NOUNS = (
    "characterization",
    "characterisation",
    "account",
    "report",
    "claim",
    "description",
    "assertion",
    "story",
)

# --- What a statement is about ----------------------------------------------------------------

# Verbs that only say that something was said or denied: never the content of a claim.
SPEECH_ACT_VERBS = REPORTING_VERBS | DENIAL_VERBS | DENIAL_IF_SPEECH_OBJECT

# Words that carry no content of their own, or only say that something is false; two statements
# sharing them say nothing alike.
NOT_CONTENT = (
    FALSE_WORDS
    | LIE_NOUNS
    | frozenset(
        """be have do get make also not n't just even still very really then now only so more
        most much many other such own same there here when where however""".split()
    )
)

# Parts of speech whose words can be a claim's content words.
CONTENT_POS = frozenset("NOUN PROPN VERB ADJ NUM ADV".split())

# Entity labels whose capitalised words are compared as names (by their consonant skeleton).
NAME_LABELS = frozenset("PERSON GPE ORG".split())

# Nouns of the press: "the Gazette's correspondent", "a Daily Example report" credit that outlet.
CREDIT_NOUNS = frozenset("correspondent reporter report reporting journalist editor".split())

# Verbs whose organisation subject is the outlet a sentence credits: "the Gazette reported".
CREDITING_VERBS = frozenset("report say write tweet".split())

# --- Dates ------------------------------------------------------------------------------------

# Phrases for a day relative to the article's own date.
RELATIVE_DAYS = ("today", "yesterday", "tonight", "this week", "last week", "earlier this week")

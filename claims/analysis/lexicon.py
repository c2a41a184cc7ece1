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
    allege predict promise vow deny dispute reject dismiss refute disagree retort affirm""".split()
)

# Phrases that name the source a whole sentence rests on, whoever else speaks inside it.
SOURCE_CUES = ("according to", "citing")

# Nouns naming a person by role rather than by name: "a senior official told ..."
ROLE_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson spokespeople aide
    aides diplomat diplomats adviser advisor advisers advisors officer officers insider
    insiders person people correspondent reporter representative representatives envoy
    minister secretary analyst analysts expert experts lawmaker lawmakers member members
    director directors head chief chiefs boss executive executives ceo
    staffer staffers employee employees witness witnesses resident residents""".split()
)

# Roles that name one job, compared as each group's first word: a headline's "CEO", "chief".
ROLE_SYNONYM_GROUPS = ("executive ceo", "chief head director boss")

# Roles too common to stand for the one person named with them: "the official said".
GENERIC_ROLES = frozenset("official source person people member representative".split())

# Reporting verbs whose passive subject hears the words: "she was told", "he was asked".
ADDRESSEE_VERBS = frozenset("tell ask warn urge inform advise assure".split())

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
    report reports memo memorandum note email e-mail communique communiqué filing document slide
    slides deck presentation minutes""".split()
)

# Utterances of one person, whose author a bare "the tweet" points back at: "the post said".
PERSONAL_POSTS = frozenset("tweet tweets post message".split())

# Utterances a body issues, whose author a bare "the statement" points back at.
ISSUED_STATEMENTS = frozenset("statement statements readout communique communiqué release".split())

# Entity labels of words before a document's noun that date or count it, never its author.
NOT_OWNER_ENTITIES = frozenset("DATE TIME CARDINAL ORDINAL".split())

# Parts of a document whose words are the document's: "the memo's summary page was headed".
DOCUMENT_PARTS = frozenset("page heading headline title section paragraph summary caption".split())

# Verbs by which a document shows words: "it carried the heading", "the page was headed".
DOCUMENT_VERBS = frozenset("carry contain head title headline bear label caption turn".split())

# Reporting verbs that characterise, not cite: "X said the memo described it as" is X's.
CHARACTERIZING_VERBS = frozenset("describe characterize characterise call".split())

# The pronoun that makes a thing the owner: "its summary page" is the last document's.
THING_POSSESSIVE = "its"

# Nouns for a body that speaks as one: "the ministry said", "the mayor's office said".
INSTITUTION_NOUNS = frozenset(
    """office ministry department company firm group government administration agency bureau
    council committee commission union team board party authority authorities police army navy
    military embassy consulate court cabinet campaign city municipality bank regulator parliament
    association federation organisation organization institute university hospital secretariat
    newspaper paper outlet broadcaster channel network station magazine website""".split()
)

# Those that are never a surname, so a tagged PERSON they end is a body: "the Lowtown Embassy".
INSTITUTION_HEADS = INSTITUTION_NOUNS - frozenset("court bank paper outlet channel station".split())

# Institution nouns that stand for the last organisation named: "Acme ... the company said".
BACK_POINTING_INSTITUTIONS = frozenset("company firm group business carrier maker".split())

# Words saying a role-named speaker is someone new: "the other engineer said".
OTHER_WORDS = frozenset("other another second".split())

# Subjects that stand for one more of the sources just quoted: "another said", "one said".
ONE_MORE_SUBJECTS = frozenset("another one".split())

# The pronoun of a thing: "it said" points back at the last institution that spoke.
THING_PRONOUN = "it"

# Titles that taggers leave at the front of a name: "Secretary of Transport Mara Quell".
TITLE_WORDS = frozenset(
    """president vice secretary minister prime deputy foreign defense defence state general gen
    senator sen representative rep governor gov mayor chancellor ambassador judge justice dr
    mr mrs ms miss sir lord lady king queen prince princess pope commissioner chairman
    chairwoman chair director chief spokesman spokeswoman colonel col lt captain admiral
    sergeant sgt professor prof rev councillor councilor councilman councilwoman alderman
    alderwoman""".split()
)

# Honorifics that make the name after them a person's, whatever the tagger says: "Mr. Lind".
HONORIFICS = frozenset("mr mrs ms mx dr".split())

# Pronouns that stand for one person, and the gender each tells: "she added".
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

# The pronoun of a group: after "The ministry denied ...", "they said" is the ministry.
GROUP_PRONOUN = "they"

# Subjects that say nothing about who spoke: "it said", "this shows".
EMPTY_SUBJECTS = frozenset("this that there which what who i we you".split())

# Subjects inside someone's quotation that are the speaker again: "I told them, 'No'".
FIRST_PERSON_SUBJECTS = frozenset("i we".split())

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
ANSWERED_NOUNS = tuple(
    "characterization characterisation account report claim description assertion story".split()
)

# Nouns and adverbs of a denial that rejects a whole report, each of its claims: "the report
# is categorically false", "there is no truth to these claims".
BLANKET_DENIAL_WORDS = frozenset(
    """report reports reporting story stories claims allegations accounts rumours rumors
    categorically completely entirely totally utterly wholly""".split()
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

# Words that say the same thing in a news report, each group compared as its first word: one
# outlet's "dismissed" is another's "fired", a translation's "shut" the original's "closed".
SYNONYM_GROUPS = (
    "close shut",
    "fire sack dismiss oust",
    "cut slash axe shed reduce shorten eliminate",
    "job post role position",
    "worker employee staff staffer personnel",
    "workforce headcount",
    "factory plant works",
    "company firm",
    "move relocate transfer shift",
    "memo memorandum note",
    "warn alert caution",
    "unsafe dangerous hazardous",
    "meeting session",
    "start begin commence",
    "delay postpone defer",
    "inquiry investigation probe",
    "large big",
    "immediately promptly",
    "decision decide",
    "corrosion corrode erosion rust",
    "steal loot",
    "kill slay",
    "attack assault",
    "arrest detain",
    "resign quit",
    "ban prohibit",
    "buy purchase acquire",
    "rise increase climb",
    "fall drop decline",
)

# Endings stripped from a lemma so that a noun and its verb compare alike: "closure", "close".
DERIVATION_ENDINGS = ("ation", "ition", "ment", "ness", "ure", "ion", "ing", "ity", "al", "e")

# Number words, read as the figures other outlets write: "three thousand" is "3,000".
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}

# Words that negate what a clause says: "no meeting took place", "nobody was told".
NEGATION_WORDS = frozenset("no never nobody none nothing neither nor".split())

# Pronouns that open a reported clause about its speaker: "she had tabled a motion".
SUBJECT_PRONOUNS = frozenset("he she".split())
POSSESSIVE_PRONOUNS = frozenset("his her".split())

# Parts of speech whose words can be a claim's content words.
CONTENT_POS = frozenset("NOUN PROPN VERB ADJ NUM ADV".split())

# Entity labels whose capitalised words are compared as names (by their consonant skeleton).
NAME_LABELS = frozenset("PERSON GPE ORG".split())

# Nouns of the press: "the Gazette's correspondent", "a Daily Example report" credit that outlet.
CREDIT_NOUNS = frozenset("correspondent reporter report reporting journalist editor".split())

# Verbs whose organisation subject is the outlet a sentence credits: "the Gazette reported".
CREDITING_VERBS = frozenset("report say write tweet".split())

# --- What is no claim ---------------------------------------------------------------------------

# Verbs of the note on who wrote an article: "Mara Quill covers the courts for the Gazette".
AUTHOR_VERBS = frozenset("cover write edit report".split())

# Jobs of the press, named in that note: "Ivo Lind is the Gazette's business editor".
PRESS_ROLES = frozenset(
    """correspondent editor reporter writer columnist journalist producer presenter host
    contributor""".split()
)

# Phrases of sentences that state no claim: the unanswered request, the site's own notices.
NO_CLAIM_PHRASES = (
    "request for comment",
    "requests for comment",
    "declined to comment",
    "could not be reached",
    "did not respond",
    "did not immediately respond",
    "cookies",
    "subscribe",
    "newsletter",
    "all rights reserved",
    "become a member",
)

# Phrases of a broadcast's or a site's running talk, not of its news: greetings, thanks,
# hand-overs, trailers and link lists ("Mara Quill joins me in the studio", "MOST READ: ...").
CHATTER_PHRASES = (
    "thank you",
    "thanks for",
    "good morning",
    "good afternoon",
    "good evening",
    "joins me",
    "joins us",
    "joining me",
    "joining us",
    "welcome back",
    "after the break",
    "coming up",
    "stay with us",
    "most read",
    "most popular",
    "recommended for you",
)

# Verbs of a speaker's own mind, not of the world: "I honestly don't know which is worse".
MIND_VERBS = frozenset("know think believe feel guess suppose wonder doubt expect mean".split())

# Verbs of wanting: "the company needs to come clean" asks for something, it states nothing.
WANT_VERBS = frozenset("want need wish hope".split())

# Subjects of a speaker or the one spoken to.
PERSONAL_SUBJECTS = frozenset("i we you".split())

# --- Dates ------------------------------------------------------------------------------------

# Phrases for a day relative to the article's own date.
RELATIVE_DAYS = ("today", "yesterday", "tonight", "this week", "last week", "earlier this week")

# --- Quotations without marks -----------------------------------------------------------------

# Labels of a "Label: text" line that head a field or a section, never a speaker's turn.
NOT_SPEAKER_LABELS = frozenset(
    """title headline subtitle published updated update posted date dateline byline by source
    sources url link tags topics category section note notes correction corrections
    clarification disclaimer summary background context claim claims rating verdict ruling
    conclusion broadcast aired transcript location photo photograph picture image video audio
    caption credit credits related watch listen live breaking exclusive analysis opinion
    warning contact email e-mail phone tel fax web website subscribe share keywords length
    duration runtime time episode season filed edited translated read editor's""".split()
) | frozenset(
    (
        "editor's note",
        "read more",
        "see also",
        "key points",
        "what we found",
        "fact check",
        "the claim",
        "the verdict",
        "our ruling",
        "bottom line",
        "the bottom line",
        "last updated",
        "first published",
        "more on this",
        "also read",
    )
)

# Turn labels that name a part in the conversation rather than a person: "Q:", "HOST:".
ROLE_TURN_LABELS = frozenset(
    """q a question answer host anchor interviewer interviewee moderator presenter caller
    narrator announcer reporter correspondent unidentified voice male female man woman speaker
    audience member crowd""".split()
)

# Words, as written, that set out the next paragraph as someone's words without marks:
# "She wrote on her account:" then the post.
POST_INTRO_VERBS = frozenset(
    """said says wrote writes posted posts tweeted tweets read reads stated states added adds
    shared""".split()
)

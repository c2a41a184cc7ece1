"""Works out who a subject names: a person, an institution, a role, or a pronoun for one."""

from dataclasses import dataclass, field

from .documents import document_name
from .labels import SpeakerKind
from .lexicon import (
    BACK_POINTING_INSTITUTIONS,
    DEFINITE_WORDS,
    EMPTY_SUBJECTS,
    GENERIC_ROLES,
    GROUP_PRONOUN,
    INSTITUTION_LABELS,
    INSTITUTION_NOUNS,
    ISSUED_STATEMENTS,
    NOT_OWNER_ENTITIES,
    ONE_MORE_SUBJECTS,
    OTHER_WORDS,
    PERSONAL_POSTS,
    PRONOUN_GENDER,
    THING_PRONOUN,
    TITLE_WORDS,
    UTTERANCE_NOUNS,
)
from .names import ascii_fold, name_skeleton, names_an_institution, proper_name, without_vague_words
from .people import name_around_particles, with_name_particles
from .reported_clauses import in_reported_clause
from .roles import (
    holder_named_anywhere,
    holder_of_owner,
    is_role,
    on_headline,
    role_holders,
    same_role,
)

# Anonymous sources called "official" are too common to point back at an earlier person.
GENERIC_ROLE = "official"


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as the article names them, before matching against stored speakers."""

    name: str
    kind: SpeakerKind


@dataclass
class SpeakerMemory:
    """Who has spoken so far in reading order, and the gender pronouns gave each person."""

    history: list = field(default_factory=list)  # (character offset, SpeakerRef)
    gender: dict = field(default_factory=dict)  # person's name -> "m" or "f"

    def note(self, offset, speaker):
        if speaker:
            self.history.append((offset, speaker))

    def speakers(self):
        return [speaker for _, speaker in self.history]


class SpeakerResolver:
    """Resolves the subject of a reporting verb against one article: its index, the people it
    names and the memory of who has spoken so far, to read "she added" and "the official"."""

    def __init__(self, doc, memory):
        self.doc = doc
        self.index = doc._.index
        self.people = list(doc.spans["people"])
        self._people_starts = {ent.start for ent in self.people}
        self.full_names = doc._.full_names
        self.memory = memory
        self._holders = None

    def speaker_of(self, subject):
        """The speaker named by the subject token of a reporting verb."""
        if subject is None:
            return None
        lower = subject.lower_
        if lower in PRONOUN_GENDER:
            return self._resolve_pronoun(subject)
        if lower == GROUP_PRONOUN:
            # "They said" after "The ministry denied ...": a group speaks, not a person.
            return self._latest_spoken(SpeakerKind.INSTITUTION, SpeakerKind.ANONYMOUS)
        if lower == THING_PRONOUN:
            return self._latest_spoken(SpeakerKind.INSTITUTION)
        if lower in ONE_MORE_SUBJECTS and subject.pos_ in ("NUM", "PRON", "DET"):
            # "One of them said", "another said": one more of the sources just quoted.
            return self._latest_spoken(SpeakerKind.ANONYMOUS)
        if lower in EMPTY_SUBJECTS:
            return None
        named = self._named_person(subject) or self._titled_name(subject)
        if named:
            return SpeakerRef(named, SpeakerKind.PERSON)
        if subject.pos_ == "PROPN" and any(
            c.dep_ == "appos" and is_role(c) for c in subject.children
        ):
            # "Jane Roe, a spokeswoman for ..." is a person whatever the tagger thought.
            return SpeakerRef(proper_name(subject), SpeakerKind.PERSON)
        if is_role(subject):
            holder = self._role_holder(subject)
            if holder:
                return SpeakerRef(holder, SpeakerKind.PERSON)
            headline_holder = self._headline_holder(subject)
            if headline_holder:
                return headline_holder
        institution = self._institution(subject) or self._body(subject)
        if institution:
            return SpeakerRef(institution, SpeakerKind.INSTITUTION)
        if is_role(subject):
            return self._anonymous(subject)
        if subject.lemma_.lower() in UTTERANCE_NOUNS:
            return self._author_of_utterance(subject)
        if subject.pos_ == "PROPN":
            # People's names take no "the": "the Gazette" is an organisation.
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
            body = the or names_an_institution(subject.text)
            kind = SpeakerKind.INSTITUTION if body else SpeakerKind.PERSON
            return SpeakerRef(proper_name(subject), kind)
        return self._surname_in_lower_case(subject)

    def person(self, ent):
        """The PERSON entity as a speaker, under the fullest name the article gives."""
        return SpeakerRef(self.full_name(with_name_particles(ent)), SpeakerKind.PERSON)

    def full_name(self, name):
        """ "Lind" after "Maja Lind" in the same article is Maja Lind."""
        full = self.full_names.get(name_skeleton(name.split()[-1]))
        return full if full and len(full.split()) > len(name.split()) else name

    def _surname_in_lower_case(self, subject):
        """Machine translation turns "Bell said" into "the bell said": match named surnames."""
        skeleton = name_skeleton(subject.text)
        if len(skeleton) < 2:
            return None
        for earlier in reversed(self.memory.speakers()):
            if (
                earlier.kind == SpeakerKind.PERSON
                and name_skeleton(earlier.name.split()[-1]) == skeleton
            ):
                return earlier
        for ent in reversed(self.people):
            if ent.start_char < subject.idx and name_skeleton(ent[-1].text) == skeleton:
                return self.person(ent)
        return None

    def _named_person(self, subject):
        """A name of the people stage (not every PERSON entity is one) that is the subject
        itself, part of it, or set beside it."""
        candidates = [subject, *(t for t in subject.children if t.dep_ in ("appos", "compound"))]
        if subject.dep_ == "appos":
            candidates.append(subject.head)
        for token in candidates:
            for named in [token, *(c for c in token.children if c.dep_ == "appos")]:
                ent = self.index.entity_of(named)
                if ent is not None and ent.label_ == "PERSON" and ent.start in self._people_starts:
                    return with_name_particles(ent)
        return name_around_particles(subject)

    def _titled_name(self, subject):
        """ "Secretary of Transport Mara Quell", "Commission President Anja van der Berg":
        a proper name under a title is a person, whatever the tagger labelled it."""
        if subject.pos_ != "PROPN" or names_an_institution(subject.text):
            # "the Foreign Office": a title before a body's name makes no person of it.
            return ""
        chain = sorted(
            (t for t in subject.subtree if t.i < subject.i and t.pos_ == "PROPN"),
            key=lambda t: t.i,
        )
        titles = [t for t in chain if ascii_fold(t.text) in TITLE_WORDS]
        if not titles:
            return ""
        name = [t for t in chain if t.i > titles[-1].i and t.head.i != titles[-1].i]
        return " ".join(t.text for t in [*name, subject])

    def _latest_spoken(self, *kinds):
        earlier = [ref for ref in self.memory.speakers() if ref.kind in kinds]
        return earlier[-1] if earlier else None

    def _role_holder(self, subject):
        """ "The museum's director, Ines Varga", "a spokesman for the mayor, Rafe Dunmore":
        the name set beside the role, or beside what the role is for, holds it."""
        beside = [t for t in subject.children if t.dep_ == "appos"]
        for prep in subject.children:
            if prep.dep_ == "prep":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and self.index.entity_of(obj) is None:
                        beside += [t for t in obj.children if t.dep_ == "appos"]
        for token in beside:
            ent = self.index.entity_of(token)
            if ent is not None and ent.label_ == "PERSON":
                return self.full_name(with_name_particles(ent))
            if token.pos_ == "PROPN":
                return proper_name(token)
        return ""

    def _body(self, subject):
        """ "The mayor's office", "the industry ministry": a body named by what it is; "the
        company" or "the union" alone is the last organisation of that kind named."""
        if subject.pos_ != "NOUN" or subject.lemma_.lower() not in INSTITUTION_NOUNS:
            return ""
        owners = [t for t in subject.lefts if t.dep_ in ("compound", "poss", "amod", "nmod")]
        for owner in owners:
            if owner.dep_ == "poss" and owner.lemma_.lower() in INSTITUTION_NOUNS:
                # "the company's investor relations team" speaks for the company.
                inner = self.speaker_of(owner)
                if inner and inner.kind == SpeakerKind.INSTITUTION:
                    return inner.name
        if not owners:
            named = self._organisation_before(subject)
            if named:
                return named
        words = [t for t in subject.subtree if t.i <= subject.i]
        return without_vague_words(words).replace(" 's", "'s").replace(" ’s", "’s")

    def _organisation_before(self, subject):
        """The last organisation named before `subject` that a bare "the company" stands for:
        one that acted ("Acme denied ...", "Acme's plan") before one merely mentioned, such as
        the outlet it "told"."""
        lemma = subject.lemma_.lower()
        back_pointing = lemma in BACK_POINTING_INSTITUTIONS
        fitting = [
            ent
            for ent in self.index.entities
            if ent.start_char < subject.idx
            and ent.label_ == "ORG"
            and not self._is_person_name(ent.text)
            and (back_pointing or ent[-1].lemma_.lower() == lemma)
        ]
        acting = [e for e in fitting if e.root.dep_ in ("nsubj", "nsubjpass", "poss")]
        for ent in reversed(acting or fitting):
            return " ".join(t.text for t in ent if t.lower_ != "the" and not t.is_space)
        return ""

    def _is_person_name(self, text):
        full = self.full_names.get(name_skeleton(text.split()[-1]))
        return full is not None

    def _institution(self, subject):
        ent = self.index.entity_of(subject)
        # Whatever the tagger labelled it, "the Lowtown Embassy" is a body by its head noun.
        body = ent is not None and names_an_institution(ent.text)
        if ent is not None and (body or ent.label_ in INSTITUTION_LABELS) and ent.root == subject:
            if self._is_person_name(ent.text):
                # "Councillor Jo Poe" tagged ORG, after the article named Jo Poe.
                return ""
            return " ".join(t.text for t in ent if t.lower_ != "the" and not t.is_space)
        if subject.pos_ == "PROPN" and subject.text[:1].isupper():
            compounds = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            if compounds and ent is None and not self._is_person_name(subject.text):
                return " ".join(t.text for t in [*compounds, subject])
        return ""

    def _anonymous(self, subject):
        """ "a senior official" names a new source; "the official" points back at one."""
        modifiers = [
            t
            for t in subject.subtree
            if t.i < subject.i and t.dep_ in ("amod", "compound", "nmod", "poss")
        ]
        trailing = [
            t
            for t in subject.subtree
            if t.i > subject.i
            and t.dep_ in ("prep", "pobj", "compound", "det", "amod")
            and t.head.i >= subject.i
            and not any(c.dep_ in ("relcl", "acl") for c in t.ancestors if c.i > subject.i)
        ]
        name = without_vague_words([*modifiers, subject, *trailing])
        if any(t.lower_ in OTHER_WORDS for t in subject.lefts):
            return SpeakerRef(name or subject.text, SpeakerKind.ANONYMOUS)
        owner = next((t for t in subject.lefts if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
        # "Lowtown's mayor" is as definite as "the mayor", and names whose mayor it is.
        of_place = owner is not None and owner.ent_type_ == "GPE"
        if of_place or any(t.lower_ in DEFINITE_WORDS for t in subject.lefts):
            holder = self._holder_of(subject, owner) if of_place else self._holder_of_role(subject)
            if earlier := holder or self._earlier_source_in_role(subject, modifiers):
                return earlier
        return SpeakerRef(name or subject.text, SpeakerKind.ANONYMOUS)

    def _holder_of_role(self, subject):
        """ "the chief executive said" after "chief executive Jo Poe": Jo Poe."""
        if self._holders is None:
            self._holders = role_holders(self.people, self.full_name)
        role = same_role(subject.lemma_.lower())
        if role in GENERIC_ROLES:
            return None
        before = [h.name for h in self._holders if h.role == role and h.offset < subject.idx]
        return SpeakerRef(before[-1], SpeakerKind.PERSON) if before else None

    def _holder_of(self, subject, owner):
        """ "Lowtown's mayor said" after "Lowtown Mayor Jo Poe": Jo Poe."""
        if self._holders is None:
            self._holders = role_holders(self.people, self.full_name)
        name = holder_of_owner(self._holders, subject.lemma_.lower(), owner.text, subject.idx)
        return SpeakerRef(name, SpeakerKind.PERSON) if name else None

    def _headline_holder(self, subject):
        """ "Lowtown CEO:", "Transport chief admits ...": a role in a headline is the person
        the article names with it, usually further down."""
        if subject.lemma_.lower() in GENERIC_ROLES or not on_headline(self.index.text, subject.idx):
            return None
        if self._holders is None:
            self._holders = role_holders(self.people, self.full_name)
        modifiers = [t.lower_ for t in subject.lefts if t.dep_ in ("compound", "amod", "poss")]
        name = holder_named_anywhere(self._holders, subject.lower_, modifiers)
        return SpeakerRef(name, SpeakerKind.PERSON) if name else None

    def _earlier_source_in_role(self, subject, modifiers):
        """Whom "the official" or "the ministry spokesman" points back at, if anyone."""
        role = subject.lemma_.lower()
        for earlier in reversed(self.memory.speakers()):
            same_role = role in earlier.name.lower()
            if (
                earlier.kind == SpeakerKind.ANONYMOUS
                and same_role
                and not without_vague_words(modifiers)
            ):
                return earlier
        if modifiers and role != GENERIC_ROLE:
            # "the ministry spokesman said" after the spokesman was named: that person.
            for earlier in reversed(self.memory.speakers()):
                if earlier.kind == SpeakerKind.PERSON:
                    return earlier
        return None

    def _author_of_utterance(self, subject):
        """ "the port authority's statement said" is the port authority; "the tweet reads", its
        author."""
        owners = [t for t in subject.lefts if t.dep_ in ("compound", "poss")]
        owners += [
            obj
            for prep in subject.rights
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for token in owners:
            if token.ent_type_ in NOT_OWNER_ENTITIES or token.like_num:
                continue
            for candidate in [token, *(t for t in token.lefts if t.dep_ in ("compound", "poss"))]:
                inner = self.speaker_of(candidate)
                if inner:
                    return inner
        lemma = subject.lemma_.lower()
        # "the post said" points back at its author; "a post said" is one nobody signed.
        if any(t.lower_ in DEFINITE_WORDS for t in subject.lefts):
            if lemma in PERSONAL_POSTS:
                author = self._spoken_before(subject.idx, SpeakerKind.PERSON)
                named = self._latest_named_entity(subject.idx, gender=None)
                return author or (self.person(named) if named is not None else None)
            if lemma in ISSUED_STATEMENTS:
                issuer = self._spoken_before(subject.idx, SpeakerKind.INSTITUTION)
                if issuer:
                    return issuer
        # "the 3 May memo said", "an email read": the document speaks when no author is given.
        return SpeakerRef(document_name(subject), SpeakerKind.INSTITUTION)

    def _spoken_before(self, offset, kind):
        earlier = [ref for at, ref in self.memory.history if at < offset and ref.kind == kind]
        return earlier[-1] if earlier else None

    def _resolve_pronoun(self, pronoun):
        """The last person who spoke before "he"/"she" (the memory may hold the whole article),
        or a subject named since; genders agree."""
        gender = PRONOUN_GENDER[pronoun.lower_]
        known_gender = self.memory.gender
        history = [(at, ref) for at, ref in self.memory.history if at < pronoun.idx]
        named = self._latest_named_entity(pronoun.idx, gender)
        if history:
            offset, previous = history[-1]
            newer_subject = (
                named
                and named.start_char > offset
                and named.root.dep_ == "nsubj"
                and not in_reported_clause(named.root)
            )
            if (
                not newer_subject
                and previous.kind == SpeakerKind.PERSON
                and known_gender.get(previous.name, gender) == gender
            ):
                known_gender[previous.name] = gender
                return previous
        if named is not None:
            speaker = self.person(named)
            known_gender[speaker.name] = gender
            return speaker
        return history[-1][1] if history else None

    def _latest_named_entity(self, before, gender):
        """The last person named outside quotes before `before`, whose gender does not clash."""
        for ent in reversed(self.people):
            if ent.start_char >= before:
                continue
            if gender is None or self.memory.gender.get(self.person(ent).name, gender) == gender:
                return ent
        return None

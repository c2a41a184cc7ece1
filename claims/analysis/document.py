"""The first stages: sentences that respect paragraphs, and an index of the parsed document."""

import bisect

from spacy.language import Language
from spacy.tokens import Doc

Doc.set_extension("index", default=None, force=True)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence never runs across a paragraph break, and never starts in lower case
    ("told reporters on Jan. 27. that ..." is one sentence), whatever the parser thinks."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            following.is_sent_start = True
        elif token.text.endswith(".") and following.is_lower and following.is_alpha:
            following.is_sent_start = False
    return doc


class DocumentIndex:
    """What the later stages look up again and again, worked out once: spaCy rebuilds
    `doc.text` and `span.text` token by token on every call, and scans for entities."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.sentences = list(doc.sents)
        self.sentence_ends = [sentence.end_char for sentence in self.sentences]
        self.entities = list(doc.ents)
        self.entity_at = {i: ent for ent in self.entities for i in range(ent.start, ent.end)}

    def text_of(self, span):
        return self.text[span.start_char : span.end_char]

    def entity_of(self, token):
        """The named entity the token is part of, or None."""
        return self.entity_at.get(token.i)

    def entities_in(self, sentence):
        """The named entities that start inside a sentence."""
        return [
            self.entity_at[i]
            for i in range(sentence.start, sentence.end)
            if i in self.entity_at and self.entity_at[i].start == i
        ]

    def sentences_between(self, start, end):
        """The sentences that overlap the characters from `start` to `end` (inclusive)."""
        first = bisect.bisect_right(self.sentence_ends, start)
        found = []
        for sentence in self.sentences[first:]:
            if sentence.start_char > end:
                break
            found.append(sentence)
        return found


@Language.component("document_index")
def document_index(doc):
    """Writes doc._.index, the DocumentIndex every later stage reads."""
    doc._.index = DocumentIndex(doc)
    return doc

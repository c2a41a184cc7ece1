"""What the analysis finds in a small invented text, in the shapes the tests compare."""


def attributions(nlp, text):
    """(quote text, speaker name, relay name) of each quotation, in order."""
    doc = nlp(text)
    return [
        (
            span.text,
            attribution.speaker.name if attribution.speaker else None,
            attribution.via.name if attribution.via else None,
        )
        for span, attribution in zip(doc._.quotes, doc._.attributions, strict=True)
    ]


def sentences_of(nlp, text):
    """The evidence sentence of each statement, in order."""
    return [s.sentence for s in nlp(text)._.statements]

"""Builds the analysis pipeline: a spaCy model with newsroom's stages after its own."""

import functools

import spacy

# Imported for their @Language.component and @Language.factory registrations.
from . import (  # noqa: F401
    answers,
    attribution,
    dates,
    denial_reports,
    denials,
    document,
    people,
    quotes,
    relays,
    speech,
    statements,
)

# newsroom's stages, in the order they run; each reads what the ones before it wrote.
ANALYSIS_STAGES = (
    "document_index",
    "quotes",
    "people",
    "speech_events",
    "quote_speakers",
    "denials",
    "statements",
    "relays",
    "denial_targets",
    "denial_reports",
    "event_dates",
)


@functools.cache
def build_pipeline(model_name):
    """The model `model_name` (any English spaCy pipeline with a parser and NER), with the
    paragraph rule before its parser and the analysis stages at the end. Built once per
    process and model: loading a model takes seconds."""
    nlp = spacy.load(model_name)
    nlp.add_pipe("paragraph_breaks", before="parser")
    for stage in ANALYSIS_STAGES:
        nlp.add_pipe(stage)
    return nlp


def analyse_all(nlp, texts_with_context, n_process=1, batch_size=16):
    """Like `nlp.pipe(..., as_tuples=True)`: (Doc, context) pairs, each Doc analysed.

    The analysis stages write spaCy tokens onto the Doc, which cannot cross between processes:
    with several processes, they parse and the analysis stages run here."""
    if n_process <= 1:
        yield from nlp.pipe(texts_with_context, as_tuples=True, batch_size=batch_size)
        return
    parsed = nlp.pipe(
        texts_with_context,
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
        disable=ANALYSIS_STAGES,
    )
    stages = [nlp.get_pipe(stage) for stage in ANALYSIS_STAGES]
    for doc, context in parsed:
        for stage in stages:
            doc = stage(doc)
        yield doc, context

"""Talk that runs a broadcast or a page, and a speaker's musings, state no claim; facts do."""

import pytest

from tests.analysed import sentences_of

LEAD = "The Lowtown Tram Company will close its depot in March, officials said."


@pytest.mark.parametrize(
    "line",
    [
        "Councillor Mara Quill joins me in the studio.",
        "QUILL: Ivo Lind, thank you.",
        "IVO LIND (ANCHOR): Good evening.",
        "Coming up after the break: how the closure is hitting bakers on Elm Row.",
        "MOST READ: Lowtown council delays the harbour vote until spring",
        "Ivo Lind there.",
        '"I honestly don\'t know which is worse," Mara Quill said.',
        '"The company needs to come clean about its plans," Mara Quill said.',
    ],
)
def test_chatter_and_musings_are_no_statement(nlp, line):
    assert sentences_of(nlp, f"{LEAD}\n\n{line}\n") == [LEAD]


@pytest.mark.parametrize(
    "line",
    [
        '"I know the depot lost 40 drivers last year," Mara Quill said.',
        '"Thank you for asking: the depot closes on 3 March and 120 drivers lose their jobs," '
        "Mara Quill said.",
        '"I believe the report is false," Mara Quill said.',
    ],
)
def test_facts_and_denials_in_the_first_person_stay(nlp, line):
    assert len(sentences_of(nlp, f"{LEAD}\n\n{line}\n")) == 2

"""A sentence that carries two claims makes two statements, one per coordinated clause."""

from claims.analysis.labels import Stance


def test_a_reported_sentence_of_two_propositions_gives_two_statements(nlp):
    doc = nlp(
        "Mara Quill said the memo, dated 14 May, described the damage to the viaduct as serious "
        "and recommended closure within 90 days."
    )
    first, second = doc._.statements
    assert "described the damage" in first.content
    assert "recommended" not in first.content
    assert "recommended closure within 90 days" in second.content
    assert "damage" not in second.content
    # Both rest on the one sentence, said by the one speaker.
    assert (first.start, first.end, first.sentence) == (second.start, second.end, second.sentence)
    assert first.speaker.name == second.speaker.name == "Mara Quill"
    assert first.stance == second.stance == Stance.REPEATS


def test_a_shared_subject_belongs_to_both_clauses(nlp):
    doc = nlp(
        "The Lowtown Tram Company will close its northern depot in March and sell its oldest "
        "trams to a museum."
    )
    first, second = doc._.statements
    assert first.content.startswith("The Lowtown Tram Company will close its northern depot")
    assert second.content.startswith("The Lowtown Tram Company will sell its oldest trams")
    assert "company" in second.terms and "museum" in second.terms
    assert "museum" not in first.terms


def test_a_thin_second_verb_keeps_one_statement(nlp):
    doc = nlp("Mara Quill said the council would close the northern tram depot and said so.")
    assert len(doc._.statements) == 1


def test_a_denial_is_not_split(nlp):
    doc = nlp(
        "The council denied that it would close the northern depot and sell the oldest trams "
        "to a museum."
    )
    assert [s.stance for s in doc._.statements] == [Stance.DENIES]

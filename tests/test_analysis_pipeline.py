"""The analysis pipeline on its own: its stages, what each writes onto the Doc, and its rules
of construction (no Django inside it, articles never importing claims, small modules)."""

import ast
import datetime
import re
import subprocess
import sys
from pathlib import Path

from claims.analysis.labels import SpeakerKind, Stance
from claims.analysis.pipeline import ANALYSIS_STAGES, analyse_all

PROJECT_DIR = Path(__file__).resolve().parent.parent
APP_DIRS = ("articles", "claims", "newsroom")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

REPORT = (
    "The council will close the harbour bridge in May, a senior council official told the "
    "Coastal Herald on Tuesday.\n\n"
    'Mayor Ida Holm rejected the report. "This is simply not true," she said.'
)


def test_stages_run_after_the_models_own_in_their_documented_order(nlp):
    assert nlp.pipe_names[-len(ANALYSIS_STAGES) :] == list(ANALYSIS_STAGES)
    assert nlp.pipe_names.index("paragraph_breaks") < nlp.pipe_names.index("parser")


def test_readme_describes_the_stages_in_pipeline_order(nlp):
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The text pipeline") :]
    positions = [section.find(f"`{stage}`") for stage in nlp.pipe_names]
    assert -1 not in positions, "every stage of nlp.pipe_names has a line in the README"
    assert positions == sorted(positions)


def test_each_stage_writes_its_findings_onto_the_doc(nlp):
    doc = nlp(REPORT)
    assert [person.text for person in doc.spans["people"]] == ["Ida Holm"]
    assert [quote.text for quote in doc._.quotes] == ["This is simply not true,"]
    official = doc._.speech_events[0]
    assert official.verb.lower_ == "told"
    assert official.speaker.kind == SpeakerKind.ANONYMOUS
    assert doc._.attributions[0].speaker.name == "Ida Holm"
    first, second = list(doc.sents)[:2]
    assert first._.denial is None
    assert second._.denial.cue == "reject"


def test_a_bare_denial_points_at_the_report_it_answers_and_dates_resolve_later(nlp):
    statements = nlp(REPORT)._.statements
    report = statements[0]
    assert report.stance == Stance.REPEATS
    assert "close the harbour bridge" in report.content
    tuesday = report.event_date(datetime.date(2025, 4, 10))
    assert tuesday == datetime.date(2025, 4, 8)
    assert report.event_date(None) is None
    bare = next(s for s in statements if s.needs_target)
    assert bare.stance == Stance.DENIES
    assert statements[bare.answers] is report


def test_two_processes_find_what_one_finds(nlp):
    texts = [(REPORT, "a"), (REPORT.replace("May", "June"), "b")]
    one = [(c, [s.content for s in d._.statements]) for d, c in analyse_all(nlp, texts)]
    two = [(c, [s.content for s in d._.statements]) for d, c in analyse_all(nlp, texts, 2)]
    assert one == two
    assert one[1][1][0].endswith("in June")


def test_the_analysis_imports_no_django():
    modules = sorted(p.stem for p in (PROJECT_DIR / "claims" / "analysis").glob("*.py"))
    imports = "; ".join(f"import claims.analysis.{name}" for name in modules)
    check = (
        f"import sys; {imports}; "
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _python_files(*folders):
    for folder in folders:
        for path in sorted((PROJECT_DIR / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_articles_never_imports_claims():
    offending = []
    for path in _python_files("articles"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offending += [f"{path.name}: {n}" for n in names if re.match(r"claims\b", n)]
    assert offending == []


def test_no_app_module_or_function_is_too_long_to_read():
    too_long = []
    for path in _python_files(*APP_DIRS):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(PROJECT_DIR)
        if source.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{name}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}: {node.name}() {length} lines")
    assert too_long == []

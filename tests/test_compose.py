"""docker-compose.yml describes a database the web service waits for (no Docker engine here)."""

from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent


def load_compose():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


def test_postgres_service_has_a_healthcheck_and_a_named_volume():
    compose = load_compose()
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    volume_name = db["volumes"][0].split(":")[0]
    assert volume_name in compose["volumes"]


def test_web_waits_for_a_healthy_database_it_reaches_by_url():
    web = load_compose()["services"]["web"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "@db:5432/" in web["environment"]["DATABASE_URL"]
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert (PROJECT / web["build"] / "Dockerfile").is_file()


def test_web_migrates_ingests_the_demo_story_and_serves_with_gunicorn():
    web = load_compose()["services"]["web"]
    start_script = PROJECT / web["command"][-1]
    steps = [line for line in start_script.read_text().splitlines() if line.strip()]
    migrate = next(i for i, line in enumerate(steps) if "manage.py migrate" in line)
    ingest = next(i for i, line in enumerate(steps) if "manage.py ingest data/stories/" in line)
    serve = next(i for i, line in enumerate(steps) if "gunicorn newsroom.wsgi" in line)
    assert migrate < ingest < serve

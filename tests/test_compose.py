"""docker-compose.yml describes a database the web service waits for, a worker and a feed
scheduler sharing its image (no Docker engine here)."""

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


def test_a_worker_runs_the_queue_from_the_web_image_with_the_same_settings():
    services = load_compose()["services"]
    web, worker = services["web"], services["worker"]
    assert worker["image"] == web["image"]
    assert worker["build"] == web["build"]
    assert worker["command"][:3] == ["python", "manage.py", "db_worker"]
    assert worker["environment"] == web["environment"]
    assert web["environment"]["NEWSROOM_TASKS"] == "database"
    assert worker["depends_on"]["db"]["condition"] == "service_healthy"
    assert worker["restart"] == "unless-stopped"


def test_a_scheduler_reads_the_feeds_on_a_schedule_with_the_same_settings():
    services = load_compose()["services"]
    scheduler = services["scheduler"]
    assert scheduler["image"] == services["web"]["image"]
    assert scheduler["command"][:4] == ["python", "manage.py", "feeds", "watch"]
    every = scheduler["command"][scheduler["command"].index("--every") + 1]
    assert int(every) > 0
    assert scheduler["environment"] == services["web"]["environment"]

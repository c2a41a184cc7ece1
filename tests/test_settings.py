"""The settings module picks its database and its safety from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({"engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""),
                  "port": str(db.get("PORT", "")), "debug": settings.DEBUG,
                  "ssl_redirect": settings.SECURE_SSL_REDIRECT}))
"""


def settings_under(env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    clean.update({"DJANGO_SETTINGS_MODULE": "newsroom.settings"}, **env)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
    )
    return result


def test_sqlite_in_the_project_folder_without_database_url():
    result = settings_under({"DJANGO_SECRET_KEY": "k" * 50})
    chosen = json.loads(result.stdout)
    assert chosen["engine"] == "django.db.backends.sqlite3"
    assert chosen["name"] == str(PROJECT / "db.sqlite3")


def test_postgresql_from_database_url():
    result = settings_under(
        {
            "DJANGO_SECRET_KEY": "k" * 50,
            "DATABASE_URL": "postgres://editor:pw@db.internal:6543/newsroom",
        }
    )
    chosen = json.loads(result.stdout)
    assert chosen["engine"] == "django.db.backends.postgresql"
    assert (chosen["name"], chosen["host"], chosen["port"]) == ("newsroom", "db.internal", "6543")


def test_debug_is_off_and_https_enforced_unless_asked():
    chosen = json.loads(settings_under({"DJANGO_SECRET_KEY": "k" * 50}).stdout)
    assert chosen["debug"] is False
    assert chosen["ssl_redirect"] is True


def test_secret_key_is_required_when_debug_is_off():
    result = settings_under({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_debug_runs_without_a_secret_key():
    chosen = json.loads(settings_under({"DJANGO_DEBUG": "1"}).stdout)
    assert chosen["debug"] is True
    assert chosen["ssl_redirect"] is False


def test_deploy_check_passes_with_only_a_secret_key():
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    clean["DJANGO_SECRET_KEY"] = "m7#q9!v2@x4$z8^k1&w5*r3(t6)y0-u+i=o_p[a]s{d}f|g;h:j<l>c.n,b" * 2
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_carry_the_security_headers(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"

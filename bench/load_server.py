"""Serve a bench database with gunicorn as in production, and read its workers' state."""

import contextlib
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from pg_cluster import free_port

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
GUNICORN_WORKERS = 2

# The production settings with STATIC_ROOT moved to the scratch folder, which the environment
# cannot set, so that collectstatic writes nothing into the project.
SETTINGS_SHIM = """
import os

from newsroom.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
"""


def server_env(url, folder):
    """The environment of a production server on the loopback, over plain HTTP."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_DEBUG"}
    env.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": f"{folder}{os.pathsep}{PROJECT_DIR}",
            "BENCH_STATIC_ROOT": str(folder / "static"),
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on the loopback: no redirect to HTTPS, no HSTS, cookies over HTTP.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
        }
    )
    return env


def manage(env, *arguments):
    """Runs a manage.py command in `env`; returns its standard output."""
    result = subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), *arguments],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {arguments[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer of its own: a page that redirects is not the page it names."""

    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url, headers=None):
    """Reads a page to its end in 64 KiB chunks; returns its HTTP status and size in bytes."""
    request = urllib.request.Request(url, headers=headers or {})
    size = 0
    try:
        response = _OPENER.open(request, timeout=300)
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())
    with response:
        while chunk := response.read(65536):
            size += len(chunk)
    return response.status, size


@contextlib.contextmanager
def served(url, scratch, name):
    """Upgrades the database at `url` (migrate), serves it with gunicorn and yields the site's
    base URL and the gunicorn master process; at exit, reports the server's errors."""
    folder = scratch / name
    folder.mkdir(parents=True)
    (folder / "bench_settings.py").write_text(SETTINGS_SHIM)
    env = server_env(url, folder)
    applied = manage(env, "migrate", "--noinput").count("Applying ")
    print(f"{name}: manage.py migrate applied {applied} migration(s)")
    manage(env, "collectstatic", "--noinput")
    port = free_port()
    log_path = folder / "gunicorn.log"
    try:
        with gunicorn(env, port, log_path) as master:
            yield f"http://127.0.0.1:{port}", master
    finally:
        report_server_log(log_path.read_text(), name)


@contextlib.contextmanager
def gunicorn(env, port, log_path):
    """Yields the gunicorn master process once the site answers; stops it at exit."""
    log = open(log_path, "w")  # noqa: SIM115 (closed in the finally below)
    server = subprocess.Popen(
        [VENV_BIN / "gunicorn", "newsroom.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(GUNICORN_WORKERS)],
        env=env,
        cwd=PROJECT_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_site(server, f"http://127.0.0.1:{port}/admin/login/", log, log_path)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _wait_for_site(server, url, log, log_path):
    deadline = time.monotonic() + 60
    while True:
        try:
            status, _ = fetch(url)
        except OSError:
            status = None
        if status == 200:
            return
        if server.poll() is not None or time.monotonic() > deadline:
            log.flush()
            tail = Path(log_path).read_text()[-3000:]
            raise RuntimeError(f"gunicorn did not start (last status {status}):\n{tail}")
        time.sleep(0.5)


def worker_memory(master):
    """Each worker's current and peak resident memory, in MiB."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text()
    memory = []
    for pid in children.split():
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        memory.append(
            (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)
        )
    return memory


def peaks(master):
    return ", ".join(f"{peak:.0f}" for _, peak in worker_memory(master))


def server_errors(log):
    """How often each exception ended a traceback in the server's log."""
    errors = {}
    lines = log.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("Traceback"):
            ending = next((later for later in lines[index + 1 :] if not later.startswith(" ")), "")
            errors[ending[:200]] = errors.get(ending[:200], 0) + 1
    return errors


def report_server_log(log, name):
    timeouts = log.count("WORKER TIMEOUT")
    print(f"{name}: gunicorn workers killed for taking over 30 s on a request: {timeouts}")
    for error, count in server_errors(log).items():
        print(f"  server error x{count}: {error}")

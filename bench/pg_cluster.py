"""Start a PostgreSQL cluster on a free loopback port for a bench, and stop it afterwards."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        sys.exit("PostgreSQL is not installed: apt-get install postgresql (scripts/test.sh does)")
    return found[-1]


def _as_postgres(command):
    program = Path(command[0]).name
    # initdb refuses to run as root, so root runs the server as Debian's postgres user.
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{program} failed: {result.stderr or result.stdout}")


@contextlib.contextmanager
def stop_on_sigterm():
    """A SIGTERM runs the `finally` blocks, as Ctrl-C does, so nothing is left running."""
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def cluster(folder=None):
    """Yields the URL of a running server's `postgres` database, with trust auth.

    Without `folder` the cluster lives in a temporary folder removed at exit. With one, it is
    created there if missing and kept at exit (stopped), so a later bench can reuse its data.
    """
    pg_bin = _postgres_bin()
    keep = folder is not None
    folder = Path(folder or tempfile.mkdtemp(prefix="newsroom-bench-pg-")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    port = free_port()
    started = False
    with stop_on_sigterm():
        try:
            if not data.exists():
                _as_postgres(
                    [pg_bin / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
                )
            options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
            _as_postgres(
                [pg_bin / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "-o", options]
                + ["start"]
            )
            started = True
            yield f"postgres://postgres@127.0.0.1:{port}/postgres"
        finally:
            if started:
                _as_postgres([pg_bin / "pg_ctl", "-D", data, "-m", "fast", "stop"])
            if not keep:
                shutil.rmtree(folder, ignore_errors=True)


def database_url(server_url, name):
    """The URL of database `name` on the server of `server_url`."""
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def fresh_database(server_url, name):
    """Creates database `name` on the server, dropping any old one; returns its URL."""
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return database_url(server_url, name)


def server_cpu_seconds(url):
    """CPU seconds the server at `url` has used so far, its ended connections included.

    Read from /proc, so only for a server on this machine; None for any other.
    """
    with psycopg.connect(url) as connection:
        backend = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
        try:
            postmaster = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1]
            fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, PermissionError):
            return None
    # utime, stime, and those of its exited children (each ended connection's backend).
    ticks = sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")

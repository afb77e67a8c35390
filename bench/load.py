"""Load benchmark: gunicorn serving the demo on SQLite and PostgreSQL, driven from this process.

    make bench                       # both databases when PostgreSQL is reachable
    python -m bench.load --requests 3000 --concurrency 16

Reports throughput, median and 95th-percentile latency and errors per page. It is a measurement,
not a test: compare runs on the same machine.
"""

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_URL = os.environ.get(
    "LMS_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/lms_bench"
)
# (page, signed in?)
PAGES = [
    ("/healthz", False), ("/", False), ("/sign-in?lang=ur", False), ("/account", True),
    ("/learning", True), ("/learning/level-1-cse/signs?lang=pl", True),
    ("/leaflets/young-people?lang=ur", False), ("/leaflets/young-people.pdf?lang=ur", False),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, method, path, body=None, cookie=""):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def sign_in(port) -> str:
    response, page = request(port, "GET", "/sign-in")
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(rb'id="csrf_token"[^>]*value="([^"]+)"', page).group(1).decode()
    form = urlencode({"csrf_token": token, "email": "staff@example.org",
                      "password": "demo-password"})
    response, _ = request(port, "POST", "/sign-in", form, cookie)
    assert response.status == 302, "demo sign-in failed"
    return response.getheader("Set-Cookie").split(";")[0]


def hammer(port, path, cookie, count, concurrency):
    def one(_):
        start = time.perf_counter()
        try:
            response, _ = request(port, "GET", path, cookie=cookie)
            ok = response.status == 200
        except OSError:
            ok = False
        return time.perf_counter() - start, ok

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(count)))
    elapsed = time.perf_counter() - began
    times = sorted(t for t, _ in results)
    return {
        "rps": count / elapsed,
        "p50": statistics.median(times) * 1000,
        "p95": times[int(len(times) * 0.95) - 1] * 1000,
        "errors": sum(1 for _, ok in results if not ok),
    }


def ensure_postgres_database(url: str) -> bool:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if not found.fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return False
    return True


@contextmanager
def served(url: str, workers: int):
    """The demo on this database, served by gunicorn; yields its port."""
    env = dict(os.environ, LMS_SECRET_KEY="bench", LMS_DATABASE_URL=url,
               LMS_RATELIMIT_STORAGE_URI="memory://", FLASK_APP="lms")
    subprocess.run([BIN / "flask", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [BIN / "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env,
    )
    try:
        for _ in range(100):
            try:
                if request(port, "GET", "/healthz")[0].status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_backend(name, url, args):
    with served(url, args.workers) as port:
        cookie = sign_in(port)
        for path, signed_in in PAGES:
            who = cookie if signed_in else ""
            hammer(port, path, who, 50, args.concurrency)  # warm up
            result = hammer(port, path, who, args.requests, args.concurrency)
            print(f"{name:<11} {path:<18} {result['rps']:>8.0f} {result['p50']:>8.1f} "
                  f"{result['p95']:>8.1f} {result['errors']:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"{'database':<11} {'page':<18} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        run_backend("sqlite", f"sqlite:///{tmp}/bench.sqlite", args)
    if ensure_postgres_database(PG_URL):
        run_backend("postgresql", PG_URL, args)
    else:
        print("postgresql: not reachable, skipped")


if __name__ == "__main__":
    main()

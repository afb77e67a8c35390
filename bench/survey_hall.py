"""A school hall after the drama: 500 students answer the questionnaire within a minute.

    make bench-survey                          # gunicorn on SQLite, then PostgreSQL
    python -m bench.survey_hall --students 500 --concurrency 40

Each student is a separate device (its own cookies): it opens the form at /survey/DEMO/after,
then sends its answers. Reports submissions a second, the 95th-percentile time of a submission
and of a whole student (open and send), errors, and whether the responses stored equal the
submissions acknowledged. A measurement, not a test.
"""

import argparse
import re
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from sqlalchemy import create_engine, text

from bench.load import PG_URL, ensure_postgres_database, request, served

ANSWERS = [("year-group", "year-9"), ("knew-before", "2"), ("know-now", "8"),
           ("warning-signs", "older-friend-gifts"), ("warning-signs", "secret-online-friend"),
           ("story-jade", "unhealthy"), ("story-sam", "healthy"), ("talk-to", "teacher"),
           ("talk-to", "friend"), ("recommend", "yes"),
           ("what-is-cse", "When someone older tricks a young person into sexual things")]


def student(port, number):
    """One device: open the form, answer. Returns (seconds to send, seconds in all, ok)."""
    began = time.perf_counter()
    try:
        response, page = request(port, "GET", "/survey/DEMO/after?lang=" + (
            "en", "pl", "ru", "ur")[number % 4])
        cookie = "; ".join(c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or [])
        fields = dict(re.findall(rb'name="(csrf_token|form_token)" value="([^"]+)"', page))
        body = urlencode([("csrf_token", fields[b"csrf_token"].decode()),
                          ("form_token", fields[b"form_token"].decode()), *ANSWERS])
        sent = time.perf_counter()
        response, _ = request(port, "POST", "/survey/DEMO/after", body, cookie)
        ok = response.status == 302
    except (OSError, KeyError):
        return 0.0, time.perf_counter() - began, False
    done = time.perf_counter()
    return done - sent, done - began, ok


def p95(seconds: list[float]) -> float:
    return seconds[int(len(seconds) * 0.95) - 1] * 1000 if seconds else 0


def stored(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(text(
            "SELECT count(*) FROM survey_responses r JOIN survey_schools s ON s.id = r.school_id "
            "WHERE s.code = 'DEMO'")).scalar()
    engine.dispose()
    return count


def hall(name, url, args):
    with served(url, args.workers) as port:
        before = stored(url)
        began = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(lambda n: student(port, n), range(args.students)))
        elapsed = time.perf_counter() - began
        acknowledged = sum(ok for *_, ok in results)
        kept = stored(url) - before
    sends = sorted(s for s, _, ok in results if ok)
    wholes = sorted(w for _, w, ok in results if ok)
    print(f"{name:<11} {args.students:>8} {elapsed:>7.1f} {acknowledged / elapsed:>8.1f} "
          f"{statistics.median(sends) * 1000 if sends else 0:>8.0f} {p95(sends):>8.0f} "
          f"{p95(wholes):>8.0f} {args.students - acknowledged:>7} "
          f"{'yes' if kept == acknowledged else f'NO ({kept})':>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"{'database':<11} {'students':>8} {'seconds':>7} {'sent/s':>8} {'p50 ms':>8} "
          f"{'p95 ms':>8} {'p95 all':>8} {'errors':>7} {'stored':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        hall("sqlite", f"sqlite:///{tmp}/bench.sqlite", args)
    if ensure_postgres_database(PG_URL):
        hall("postgresql", PG_URL, args)
    else:
        print("postgresql: not reachable, skipped")


if __name__ == "__main__":
    main()

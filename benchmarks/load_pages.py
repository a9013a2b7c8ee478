"""Throughput of a cached page hit compared with a bare Django view, on the production stack.

Starts scripts/prod-local.sh on loopback (gunicorn --workers 2, Redis cache, PostgreSQL) and
hammers, for a fixed time each with the same concurrency:

* bare view: /robots.txt (a TemplateView: full middleware stack, no database),
* cached page: /en/ for visitors without cookies (served from Redis by the page cache),
* uncached page: /en/ with a cookie (rendered by Wagtail every time).

The load comes from wrk (see benchmarks/wrk.py), each endpoint in interleaved rounds; the best
round of each counts. A Python client spent more of the same two cores on the 8 kB page than
on the 75-byte robots.txt and made the ratio measure itself (0.42x, against 0.77x with wrk in
the same conditions).

    .venv/bin/python benchmarks/load_pages.py [--seconds 8] [--rounds 3] [--concurrency 8]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_surge  # noqa: E402
import wrk  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8012)
    parser.add_argument("--smtp-port", type=int, default=8026)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8, help="open connections")
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--no-start", action="store_true")
    args = parser.parse_args(argv)
    process = None if args.no_start else load_surge.start_stack(args)

    def load(path, *headers):
        return lambda: wrk.run(
            f"http://127.0.0.1:{args.port}{path}",
            seconds=args.seconds,
            connections=args.concurrency,
            headers=headers,
        )

    cases = {
        "bare view (/robots.txt)": load("/robots.txt"),
        "cached page hit (/en/)": load("/en/"),
        "uncached page (/en/ with a cookie)": load("/en/", "Cookie: bench=1"),
    }
    try:
        load_surge.request(args.port, "GET", "/en/")  # warm the cache
        best, failures = wrk.best_of_rounds(cases, args.rounds, load_surge.load_average)
        bare, cached, uncached = (best[label] for label in cases)
        print(f"cached hit / bare view = {cached / bare:.2f}x (target >= 0.5x), best rounds")
        print(f"cached hit / uncached page = {cached / uncached:.1f}x")
    finally:
        if process is not None:
            load_surge.stop_stack(process)
    for failure in failures:
        print("FAILED:", failure)
    return 0 if cached / bare >= 0.5 and not failures else 1


if __name__ == "__main__":
    sys.exit(main())

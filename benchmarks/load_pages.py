"""Throughput of a cached page hit compared with a bare Django view, on the production stack.

Starts scripts/prod-local.sh on loopback (gunicorn --workers 2, Redis cache, PostgreSQL) and
hammers, for a fixed time each with the same concurrency:

* bare view: /robots.txt (a TemplateView: full middleware stack, no database),
* cached page: /en/ for visitors without cookies (served from Redis by the page cache),
* uncached page: /en/ with a cookie (rendered by Wagtail every time).

    .venv/bin/python benchmarks/load_pages.py [--seconds 10] [--concurrency 8]
"""

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_surge  # noqa: E402


def hammer(port, path, seconds, concurrency, headers=None):
    latencies, statuses, stop = [], {}, time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        while time.monotonic() < stop:
            status, _, elapsed = load_surge.request(port, "GET", path, headers=headers)
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8012)
    parser.add_argument("--smtp-port", type=int, default=8026)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--no-start", action="store_true")
    args = parser.parse_args(argv)
    process = None if args.no_start else load_surge.start_stack(args)
    try:
        load_surge.request(args.port, "GET", "/en/")  # warm the cache
        rates = {}
        for label, path, headers in (
            ("bare view (/robots.txt)", "/robots.txt", None),
            ("cached page hit (/en/)", "/en/", None),
            ("uncached page (/en/ with a cookie)", "/en/", {"Cookie": "bench=1"}),
        ):
            latencies, statuses, seconds = hammer(
                args.port, path, args.seconds, args.concurrency, headers
            )
            rates[label] = len(latencies) / seconds
            p50 = load_surge.percentile(latencies, 50) * 1000
            p99 = load_surge.percentile(latencies, 99) * 1000
            print(
                f"{label}: {rates[label]:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
                f"statuses {statuses}"
            )
        bare, cached, uncached = rates.values()
        print(f"cached hit / bare view = {cached / bare:.2f}x (target >= 0.5x)")
        print(f"cached hit / uncached page = {cached / uncached:.1f}x")
    finally:
        if process is not None:
            load_surge.stop_stack(process)
    return 0 if cached / bare >= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())

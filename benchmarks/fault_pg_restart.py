"""Fault proof: PostgreSQL restarts, and later stops for a few seconds, under a stream of requests.

The shared server on 5432 is left alone: this script creates its own throw-away cluster
(Debian's `pg_createcluster`, port --pg-port, run as root) and starts the production stack
(scripts/prod-local.sh: gunicorn --workers 2, `manage.py run_worker`, Redis cache with its own
key prefix) against it, plus an SMTP sink. A few clients send a steady stream of signatures,
uncached appeal page views (with a cookie) and cookie-less home page views, while the script

1. restarts the cluster (`pg_ctlcluster ... restart -m fast`), then
2. stops it for --down-seconds and starts it again.

It asserts: no 500 and no dropped connection at any time; while the server is down every
request that needs the database gets a 503 with Retry-After and fails fast; nothing is
half-stored (every accepted signature is stored completely with its mail task, none answered
503 is stored); after each fault the site answers 200 again by itself within
--recovery-budget seconds; new signatures are stored; the worker delivers every confirmation
mail. The cluster is dropped at the end.

    .venv/bin/python benchmarks/fault_pg_restart.py [--down-seconds 5]
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_surge  # noqa: E402

CLUSTER = "faults"


# --------------------------------------------------------------------------- private cluster


def pg_version():
    versions = sorted(Path("/etc/postgresql").iterdir(), key=lambda p: int(p.name))
    return versions[-1].name


def pg(*args, check=True):
    return subprocess.run(
        [*args], check=check, capture_output=True, text=True, timeout=120
    ).stdout.strip()


def create_cluster(version, port):
    if (Path("/etc/postgresql") / version / CLUSTER).exists():
        pg("pg_dropcluster", "--stop", version, CLUSTER)
    pg(
        "pg_createcluster", version, CLUSTER, "--port", str(port),
        "--", "--auth-local=trust", "--auth-host=trust",
    )  # fmt: skip
    cluster("start", version)


def cluster(action, version):
    mode = ["-m", "fast"] if action in ("stop", "restart") else []
    pg("pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, action, *mode)


def postmaster_started(port):
    """The server's start time, or None while it does not accept connections."""
    import psycopg

    try:
        with psycopg.connect(host="127.0.0.1", port=port, user="postgres", connect_timeout=2) as c:
            return c.execute("SELECT pg_postmaster_start_time()").fetchone()[0]
    except psycopg.OperationalError:
        return None


def cluster_until_ready(action, version, port):
    """Run `pg_ctlcluster start|restart` and return the moment the new server accepted its
    first connection (pg_ctlcluster itself returns a few seconds later)."""
    before = postmaster_started(port)
    command = subprocess.Popen(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, action]
        + (["-m", "fast"] if action == "restart" else [])
    )
    ready_at = None
    deadline = time.monotonic() + 60
    while ready_at is None and time.monotonic() < deadline:
        now = postmaster_started(port)
        if now is not None and now != before:
            ready_at = time.monotonic()
        else:
            time.sleep(0.05)
    if command.wait(timeout=60) != 0 or ready_at is None:
        raise SystemExit(f"pg_ctlcluster {action} failed")
    return ready_at


def drop_cluster(version):
    pg("pg_dropcluster", "--stop", version, CLUSTER, check=False)


# --------------------------------------------------------------------------- request stream


class Stream:
    """Clients that loop over signature POSTs and page GETs until told to stop."""

    def __init__(self, port, appeal_url, jobs, clients):
        self.port, self.appeal_url, self.jobs = port, appeal_url, list(jobs)
        self.clients = clients
        self.results = []  # (started, kind, status, elapsed, job)
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = []

    def next_job(self):
        with self.lock:
            return self.jobs.pop() if self.jobs else None

    def one(self, kind):
        job = None
        if kind == "sign":
            job = self.next_job()
            if job is None:
                return
            path, fields, address = job
            args = ("POST", path, fields, {"X-Forwarded-For": address})
        elif kind == "page":  # a cookie keeps the page cache out of the way: needs the database
            args = ("GET", self.appeal_url, None, {"Cookie": "pgfault=1"})
        else:  # a cookie-less reader may be served from the page cache (Redis)
            args = ("GET", "/en/", None, None)
        started = time.monotonic()
        try:
            status, body, elapsed = load_surge.request(self.port, *args)
            if status == 503 and b"Traceback" in body:
                status = "503 with traceback"
        except OSError as exc:
            status, elapsed = type(exc).__name__, time.monotonic() - started
        with self.lock:
            self.results.append((started, kind, status, elapsed, job))

    def client(self, n):
        kinds = ["sign", "page", "home"]
        i = n
        while not self.stop.is_set():
            self.one(kinds[i % 3])
            i += 1
            time.sleep(0.05)  # bounded: at most ~20 requests a second per client

    def start(self):
        for n in range(self.clients):
            thread = threading.Thread(target=self.client, args=(n,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=40)


def first_success_after(results, moment, until, kinds=("sign", "page")):
    """Seconds from `moment` until a request that needs the database (started after it)
    succeeded and every later one that finished before `until` did too."""
    later = sorted(
        (r for r in results if moment <= r[0] and r[0] + r[3] < until and r[1] in kinds),
        key=lambda r: r[0],
    )
    last_failure = None
    for started, _, status, _, _ in later:
        if not (isinstance(status, int) and status < 400):
            last_failure = started
    ok = [r[0] for r in later if last_failure is None or r[0] > last_failure]
    return (ok[0] - moment) if ok else None


def summarise(label, rows):
    statuses = {}
    for _, kind, status, _, _ in rows:
        statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
    slowest = max((r[3] for r in rows), default=0.0)
    shown = dict(sorted(statuses.items()))
    print(f"{label}: {len(rows)} requests, slowest {slowest * 1000:.0f} ms, {shown}")
    return slowest


def visible_outage(results, begin, end):
    """Seconds between the first and the last 503 of requests that began after `begin` and
    were answered before `end`."""
    failed = [r for r in results if begin <= r[0] and r[0] + r[3] < end and r[2] == 503]
    return (max(r[0] + r[3] for r in failed) - min(r[0] for r in failed)) if failed else 0.0


def timeline(results, origin, marks):
    """One line per second: answers to requests that need the database, by status."""
    end = max((r[0] for r in results), default=origin)
    for second in range(int(end - origin) + 1):
        rows = [r for r in results if r[1] != "home" and second <= r[0] - origin < second + 1]
        counts = {}
        for row in rows:
            counts[row[2]] = counts.get(row[2], 0) + 1
        events = [label for label, at in marks if second <= at - origin < second + 1]
        text = " ".join(f"{status}x{n}" for status, n in sorted(counts.items(), key=str))
        print(f"  t+{second:3d} s  {text:<24} {' '.join(events)}")


# --------------------------------------------------------------------------- main


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8015)
    parser.add_argument("--smtp-port", type=int, default=8029)
    parser.add_argument("--pg-port", type=int, default=5440)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--signatures", type=int, default=2000, help="upper bound")
    parser.add_argument("--down-seconds", type=float, default=5)
    parser.add_argument("--recovery-budget", type=float, default=10)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=False)
    args = parser.parse_args(argv)

    version = pg_version()
    database_url = f"postgres://postgres@127.0.0.1:{args.pg_port}/campaignkit"
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "PGPORT": str(args.pg_port),  # prod-local.sh's psql/createdb check
            "CACHE_KEY_PREFIX": f"campaign-kit-pgfault-{int(time.time())}",
            "RETRY_INTERVAL": "3",
            "RETRY_AFTER": "1",
        }
    )
    create_cluster(version, args.pg_port)
    print(f"private PostgreSQL {version} cluster '{CLUSTER}' on port {args.pg_port}")
    box, smtp = load_surge.start_smtp(args.smtp_port)
    process = None
    failures = []
    try:
        begun = time.monotonic()
        process = load_surge.start_stack(args)
        print(f"stack prepared and up in {time.monotonic() - begun:.0f} s")
        load_surge.setup_django(args)
        failures = run(args, version, box)
    finally:
        if process is not None:
            load_surge.stop_stack(process)
        smtp.stop()
        drop_cluster(version)
        print(f"cluster '{CLUSTER}' dropped")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: 503 while PostgreSQL was down, nothing half-stored, recovered by itself, mail sent")
    return 0


def run(args, version, box):
    from django.db import close_old_connections, connections
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import Locale

    from campaign_kit.appeals.models import AppealPage, Signature

    failures = []
    english = Locale.objects.get(language_code="en")
    appeal = AppealPage.objects.live().filter(locale=english, status="open").first()
    appeal = appeal or load_surge.ensure_load_appeal(english)
    jobs, started = load_surge.signature_jobs(args, appeal, prefix=f"pgfault-{int(time.time())}")
    if not jobs:
        return [f"could not read the signature form on {appeal.url}"]
    connections.close_all()  # this process must not hold a connection across the restarts

    stream = Stream(args.port, appeal.url, reversed(jobs), args.clients)
    stream.start()
    time.sleep(3)
    restart_at = time.monotonic()
    restarted_at = cluster_until_ready("restart", version, args.pg_port)
    print(f"restart: server back after {restarted_at - restart_at:.1f} s")
    time.sleep(8)
    stop_at = time.monotonic()
    cluster("stop", version)
    down_at = time.monotonic()
    time.sleep(args.down_seconds)
    start_at = time.monotonic()
    up_at = cluster_until_ready("start", version, args.pg_port)
    print(
        f"stop: server down for {up_at - down_at:.1f} s, ready {up_at - start_at:.1f} s after start"
    )
    time.sleep(max(args.recovery_budget, 5))
    stream.finish()
    results = stream.results
    timeline(
        results,
        restart_at - 3,
        [
            ("<- restart begins", restart_at),
            ("<- restart: server ready", restarted_at),
            ("<- stop", stop_at),
            ("<- down", down_at),
            ("<- start", start_at),
            ("<- server ready", up_at),
        ],
    )

    # While down: requests that began after the stop completed and before the start began.
    outage = [r for r in results if down_at + 0.2 <= r[0] < start_at]
    slowest = summarise("during the outage", outage)
    summarise("whole run", results)
    bad = [r for r in results if r[2] == 500 or not isinstance(r[2], int)]
    if bad:
        failures.append(f"{len(bad)} answers were a 500 or a broken connection: {bad[:3]}")
    db_down = [r for r in outage if r[1] in ("sign", "page")]
    if not db_down:
        failures.append("no request reached the site while the database was down")
    if any(r[2] != 503 for r in db_down):
        failures.append("a request needing the database did not get a 503 during the outage")
    if slowest > 2:
        failures.append(f"requests did not fail fast during the outage ({slowest:.1f} s)")
    cached = sum(1 for r in outage if r[1] == "home" and r[2] == 200)
    print(f"cookie-less home page served from the cache during the outage: {cached}")

    after_restart = first_success_after(results, restarted_at, stop_at)
    after_outage = first_success_after(results, up_at, float("inf"))
    print(
        f"clients saw 503s for {visible_outage(results, restart_at, stop_at):.1f} s around the "
        f"restart and {visible_outage(results, stop_at, float('inf')):.1f} s around the stop"
    )
    for label, seconds in (("restart", after_restart), ("outage", after_outage)):
        shown = "never" if seconds is None else f"{seconds:.2f} s"
        print(
            f"seconds from PostgreSQL back to the site answering again after the {label}: {shown}"
        )
        if seconds is None or seconds > args.recovery_budget:
            failures.append(f"no recovery within {args.recovery_budget} s after the {label}")

    # Nothing half-stored: answers and rows agree, every row has its mail task.
    close_old_connections()
    posts = [r for r in results if r[1] == "sign"]
    accepted = {r[4][1]["p-email"] for r in posts if isinstance(r[2], int) and r[2] < 400}
    refused = {r[4][1]["p-email"] for r in posts if r[2] == 503}
    rows = Signature.objects.filter(appeal_key=appeal.translation_key, created_at__gte=started)
    stored = set(rows.values_list("email", flat=True))
    incomplete = rows.filter(email_hash="").count() + rows.filter(consent_version="").count()
    tasks = DBTaskResult.objects.filter(
        enqueued_at__gte=started, task_path="campaign_kit.appeals.tasks.send_confirmation"
    ).count()
    after = {r[4][1]["p-email"] for r in posts if r[0] >= up_at and r[2] in (200, 302, 303)}
    print(
        f"signatures: {len(posts)} sent, {len(accepted)} accepted, {len(refused)} answered 503, "
        f"{len(stored)} stored ({len(after)} after the outage), {incomplete} incomplete, "
        f"{tasks} mail tasks"
    )
    if accepted - stored:
        failures.append(f"{len(accepted - stored)} accepted signatures were not stored")
    if stored & refused:
        failures.append(f"{len(stored & refused)} signatures answered 503 were stored anyway")
    if incomplete or tasks != len(stored):
        failures.append(
            f"half-stored: {incomplete} incomplete rows, {tasks} tasks for {len(stored)}"
        )
    if not after:
        failures.append("no signature was accepted after the outage")

    delivered = len(box.confirmation_links(stored, seconds=90))
    print(f"confirmation mails delivered: {delivered} of {len(stored)}")
    if delivered != len(stored):
        failures.append(f"the worker delivered only {delivered} of {len(stored)} mails")
    return failures


if __name__ == "__main__":
    sys.exit(main())

"""Fault proof: a gunicorn worker is killed (SIGKILL) in the middle of a surge of signatures.

Requests in flight on the killed worker fail at the connection level; gunicorn starts a new
worker. Afterwards: no 5xx, every accepted signature is stored, and nothing is stored half:
each new row is complete (name, e-mail hash, consent version) and has its confirmation mail
task queued, because the row and the task are committed together or not at all.

    .venv/bin/python benchmarks/fault_worker_kill.py [--signatures 200]
"""

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_surge  # noqa: E402


def gunicorn_workers(port):
    out = subprocess.run(
        ["pgrep", "-f", f"gunicorn campaign_site.wsgi --pythonpath site --bind 127.0.0.1:{port}"],
        capture_output=True,
        text=True,
    ).stdout.split()
    pids = [int(pid) for pid in out]

    def parent(pid):
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])

    parents = {pid: parent(pid) for pid in pids}
    masters = [pid for pid in pids if parents[pid] not in pids]
    return [pid for pid in pids if parents[pid] in masters]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8014)
    parser.add_argument("--smtp-port", type=int, default=8028)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--signatures", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=False)
    args = parser.parse_args(argv)

    box, smtp = load_surge.start_smtp(args.smtp_port)
    process = load_surge.start_stack(args)
    failures = []
    try:
        load_surge.setup_django(args)
        from django_tasks_db.models import DBTaskResult
        from wagtail.models import Locale

        from campaign_kit.appeals.models import AppealPage, Signature

        english = Locale.objects.get(language_code="en")
        appeal = AppealPage.objects.live().filter(locale=english, status="open").first()
        appeal = appeal or load_surge.ensure_load_appeal(english)
        prefix = f"kill-{int(time.time())}"
        jobs, started = load_surge.signature_jobs(args, appeal, prefix=prefix)
        workers = gunicorn_workers(args.port)
        victim = workers[0]

        results = []
        lock = threading.Lock()
        # Kill once a third of the surge is answered, so requests are surely in flight
        # (a fixed delay can fall after the end now that a POST is cheap).
        kill_at = max(1, len(jobs) // 3)

        def run(job):
            try:
                status, _, elapsed = load_surge.request(
                    args.port, "POST", job[0], job[1], {"X-Forwarded-For": job[2]}
                )
            except (OSError, ConnectionError) as exc:
                status, elapsed = type(exc).__name__, 0.0
            with lock:
                results.append((job, status, elapsed))
                if len(results) == kill_at:
                    os.kill(victim, signal.SIGKILL)
                    print(f"killed gunicorn worker {victim} after {kill_at} of {len(jobs)} answers")

        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(run, jobs))
        statuses = {}
        for _, status, _ in results:
            statuses[status] = statuses.get(status, 0) + 1
        print(f"statuses {statuses}")
        accepted = {job[1]["p-email"] for job, status, _ in results if status in (200, 302, 303)}
        broken = sum(1 for _, status, _ in results if isinstance(status, str))
        rows = Signature.objects.filter(appeal_key=appeal.translation_key, created_at__gte=started)
        stored = rows.count()
        incomplete = rows.filter(email_hash="").count() + rows.filter(consent_version="").count()
        tasks = DBTaskResult.objects.filter(
            enqueued_at__gte=started, task_path="campaign_kit.appeals.tasks.send_confirmation"
        ).count()
        print(
            f"accepted {len(accepted)}, connection errors {broken}, rows stored {stored}, "
            f"incomplete rows {incomplete}, mail tasks {tasks}"
        )
        if any(isinstance(s, int) and s >= 500 for _, s, _ in results):
            failures.append("5xx answers")
        if not (len(accepted) <= stored <= len(accepted) + broken):
            failures.append(f"stored {stored} not between accepted and accepted + in flight")
        if incomplete:
            failures.append(f"{incomplete} incomplete rows")
        if tasks != stored:
            failures.append(f"{stored} rows but {tasks} mail tasks")
        status, _, _ = load_surge.request(args.port, "GET", "/robots.txt")
        if status != 200:
            failures.append("the site did not recover after the worker was killed")
    finally:
        load_surge.stop_stack(process)
        smtp.stop()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: a killed worker lost only its in-flight requests; no partial rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())

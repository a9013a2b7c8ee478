"""Signature POST throughput against bare insert views, over HTTP on the production stack.

Starts scripts/prod-local.sh on loopback (production settings plus the bare views of
bench_urls, gunicorn, PostgreSQL, Redis cache and rate limits, the task worker) and, with the
same concurrency, posts for a fixed time each, in interleaved rounds:

* the appeal form's POST (what a browser sends: urlencoded, Origin header, a fresh address
  and client per request; answered 303 with the mail queued in the database);
* a bare view inserting one row with the ORM, and one with a raw SQL cursor (answered 200).

It prints requests per second, p50/p99, the CPU each part of the stack spent per request
(proc_cpu.py) and the ratios (target: signature >= 0.5x bare), and exits 1 below the target or
on any unexpected status.

The mail worker is paused by default (--no-worker): the ratio is the cost of the request, and
a bare view queues no mail to compete for the same two cores. The queued confirmations are
then sent by one worker run (db_worker --batch) and its rate printed; every queued mail must
arrive. --worker keeps the worker running during the rounds (the whole stack on two cores).

    .venv/bin/python benchmarks/appeals_http.py [--seconds 8] [--rounds 3] [--concurrency 8]
"""

import argparse
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import load_surge  # noqa: E402
import proc_cpu  # noqa: E402
import wrk  # noqa: E402

# wrk (C, LuaJIT) generates the load, so the client costs the two cores little. Every request
# is a new signer: a fresh address (X-Forwarded-For) under a random IPv6 prefix per wrk run, so
# that no run meets the rate-limit counters of an earlier one (they live for the rate's hour).
WRK_SCRIPT = r"""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  n = 0
end
function request()
  n = n + 1
  local id = RUN .. "-" .. tid .. "-" .. n
  local body = string.format(BODY, id, id)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = ORIGIN,
    ["X-Forwarded-For"] = string.format(
      "%s:0:%x:%x:%x", PREFIX, tid, math.floor(n / 65536), n % 65536
    ),
  }
  return wrk.format("POST", PATH, headers, body)
end
"""


def address_prefix():
    """A random unique-local IPv6 prefix, fdXX:XXXX:XXXX:XXXX (the rest: thread and number)."""
    groups = [secrets.randbits(16) for _ in range(4)]
    groups[0] = 0xFD00 | (groups[0] & 0xFF)
    return ":".join(f"{group:x}" for group in groups)


def post(port, path, body_format, args):
    """POST for args.seconds with wrk (the body format takes the per-request id twice)."""
    script = (
        f"PATH = {wrk.lua_string(path)}\nBODY = {wrk.lua_string(body_format)}\n"
        f"ORIGIN = {wrk.lua_string(f'http://127.0.0.1:{port}')}\n"
        f"RUN = {wrk.lua_string(str(time.time_ns()))}\n"
        f"PREFIX = {wrk.lua_string(address_prefix())}\n"
        f"{WRK_SCRIPT}"
    )
    before = proc_cpu.snapshot()
    result = wrk.run(
        f"http://127.0.0.1:{port}/",
        seconds=args.seconds,
        connections=args.concurrency,
        threads=args.wrk_threads,
        script=script,
    )
    usage = proc_cpu.per_request(before, proc_cpu.snapshot(), result.requests)
    print(f"  {path}: CPU per request: {proc_cpu.describe(usage)}")
    return result


def signature_case(port, appeal):
    """The path and body format of the appeal page's own form (a %s for a per-request id)."""
    from urllib.parse import urlencode

    from django.conf import settings

    status, html, _ = load_surge.request(port, "GET", appeal.url)
    started = re.search(rb'name="p-started" value="([^"]+)"', html)
    action = re.search(rb'<form [^>]*method="post" action="([^"#]+/sign/)"', html)
    if status != 200 or not started or not action:
        raise SystemExit(f"the appeal page {appeal.url} has no signature form ({status})")
    time.sleep(getattr(settings, "CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS", 3) + 0.5)
    run = f"{os.getpid()}x{int(time.time())}"
    fields = urlencode(
        {
            "p-name": "Bench Signer {n}",
            "p-email": f"http-{run}-{{n}}@example.org",
            "p-country": "DE",
            "p-display": "hidden",
            "p-consent": "on",
            "p-homepage": "",
            "p-started": started.group(1).decode(),
        }
    )
    # "{n}" is encoded as %7Bn%7D, which no encoded token contains: the per-request id goes there.
    return action.group(1).decode(), fields.replace("%", "%%").replace("%%7Bn%%7D", "%s")


def drain_mail_queue(box):
    """Send the queued confirmations with one worker process; every one must arrive."""
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.ready().filter(
        task_path="campaign_kit.appeals.tasks.send_confirmation"
    )
    waiting, before = queued.count(), len(box.messages)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=load_surge.ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # a line per task
        check=True,
    )
    seconds = time.monotonic() - started
    sent = len(box.messages) - before
    print(
        f"mail worker afterwards: {sent} of {waiting} queued confirmations sent in {seconds:.1f} s "
        f"({sent / seconds:.0f}/s, one process); {load_surge.load_average()}"
    )
    left = queued.count()
    if sent < waiting or left:
        return [f"mail: {sent} of {waiting} sent, {left} still queued"]
    return []


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8013)
    parser.add_argument("--smtp-port", type=int, default=8027)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8, help="open connections")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--worker",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="run the mail worker during the rounds (default: drain the queue afterwards)",
    )
    args = parser.parse_args(argv)

    os.environ["PROD_LOCAL_SETTINGS"] = "bench_settings"
    os.environ["RUN_WORKER"] = "1" if args.worker else "0"
    os.environ["EMAIL_HOST"], os.environ["EMAIL_PORT"] = "127.0.0.1", str(args.smtp_port)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(HERE), os.environ.get("PYTHONPATH", "")) if p
    )
    print(
        f"gunicorn {args.workers} x {args.worker_class} (threads {args.threads}), "
        f"{args.concurrency} clients, {os.cpu_count()} cores, mail worker "
        f"{'running' if args.worker else 'paused, then draining'}; {load_surge.load_average()}"
    )
    box, smtp = load_surge.start_smtp(args.smtp_port)  # the worker's mails go somewhere real
    process = load_surge.start_stack(args)
    try:
        load_surge.setup_django(args)
        import bench_urls
        from django.db import connection
        from wagtail.models import Locale

        from campaign_kit.appeals.models import AppealPage

        with connection.cursor() as cursor:
            cursor.execute(bench_urls.CREATE_TABLE)
        english = Locale.objects.get(language_code="en")
        appeal = AppealPage.objects.live().filter(locale=english, status="open").first()
        if appeal is None:
            appeal = load_surge.ensure_load_appeal(english)
        bare_body = "name=Bench+%s&email=bench-%s%%40example.org"
        sign_path, sign_body = signature_case(args.port, appeal)
        cases = {
            "signature POST": lambda: post(args.port, sign_path, sign_body, args),
            "bare insert view, ORM": lambda: post(args.port, "/bench/bare-orm/", bare_body, args),
            "bare insert view, raw SQL": lambda: post(args.port, "/bench/bare/", bare_body, args),
        }
        best, failures = wrk.best_of_rounds(cases, args.rounds, load_surge.load_average)
        sign = best["signature POST"]
        ratios = []
        for label in ("bare insert view, ORM", "bare insert view, raw SQL"):
            ratio = sign / best[label]
            ratios.append(ratio)
            print(
                f"signature POST / {label}: {sign:.0f}/s vs {best[label]:.0f}/s = "
                f"{ratio:.2f}x (target >= 0.5x)"
            )
        if not args.worker:
            failures += drain_mail_queue(box)
    finally:
        load_surge.stop_stack(process)
        smtp.stop()
    for failure in failures:
        print("FAILED:", failure)
    return 0 if min(ratios) >= 0.5 and not failures else 1


if __name__ == "__main__":
    sys.exit(main())

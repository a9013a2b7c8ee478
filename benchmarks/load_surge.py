"""Load proof: a bounded surge of signatures and registrations against the production stack.

Starts scripts/prod-local.sh (production settings, gunicorn with --workers, db_worker with the
database task backend, PostgreSQL database `campaignkit`, Redis) on loopback, plus an SMTP sink
that captures mail, then fires a bounded number of concurrent POSTs, only to 127.0.0.1:

* appeal signatures (person form) on the first live English appeal of the demo content,
* registrations for one demo event, more than it has places.

Reports throughput and p50/p99 latency, then asserts: zero 5xx; rows stored == accepted
submissions; the event is not over capacity; after confirming every signature through the link
in its e-mail, the public count went up by exactly the number confirmed.

    .venv/bin/python benchmarks/load_surge.py   # 600 signatures, 120 registrations
    .venv/bin/python benchmarks/load_surge.py --signatures 100 --registrations 40 --quick

Each simulated person comes from its own address (X-Forwarded-For with TRUSTED_PROXY_HEADER),
so per-address rate limits stay in force but do not block the surge as a whole.
"""

from __future__ import annotations

import argparse
import email
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


# --------------------------------------------------------------------------- mail capture


CONFIRM_LINK = r"https?://[^\s]+/appeals/-/signature/[^\s/]+/confirm/"


class MailBox:
    def __init__(self):
        self.messages: list[tuple[list[str], str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        message = email.message_from_bytes(envelope.content)
        parts = [message] if not message.is_multipart() else list(message.walk())
        text = ""
        for part in parts:
            if part.get_content_type() == "text/plain":
                text += part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), text))
        return "250 OK"

    def links_for(self, address, pattern):
        with self.lock:
            found = []
            for recipients, text in self.messages:
                if address in recipients:
                    found += re.findall(pattern, text)
            return found

    def confirmation_links(self, addresses, seconds):
        """``{address: confirm link}`` as the mails arrive, waiting at most `seconds`."""
        deadline = time.monotonic() + seconds
        links = {}
        while True:
            for address in addresses:
                if address not in links:
                    found = self.links_for(address, CONFIRM_LINK)
                    if found:
                        links[address] = found[0]
            if len(links) == len(addresses) or time.monotonic() >= deadline:
                return links
            time.sleep(0.5)


def start_smtp(port):
    import logging

    from aiosmtpd.controller import Controller

    # aiosmtpd logs every envelope (addresses) at INFO: keep personal data out of the output,
    # also for mails the worker sends before the surge starts.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    box = MailBox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    return box, controller


# --------------------------------------------------------------------------- stack


def stack_env(args):
    env = {
        **os.environ,
        "PORT": str(args.port),
        "WORKERS": str(args.workers),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(args.smtp_port),
        "TRUSTED_PROXY_HEADER": "HTTP_X_FORWARDED_FOR",
        "PAGE_CACHE_SECONDS": "300",
        "ACCESS_LOG": "/dev/null",
        "LOAD_DEMO": "1" if args.load_demo else "0",
        "WORKER_CLASS": args.worker_class,
        "THREADS": str(args.threads),
        # No worker recycling in the middle of a measurement: a fresh worker's first requests
        # are slow, and the figures would show when it happened instead of the views.
        "MAX_REQUESTS": "0",
        "CACHE_KEY_PREFIX": cache_key_prefix(),
    }
    return env


def cache_key_prefix():
    """The stack's cache key prefix, also used by this process (setup_django), so that it reads
    what the stack invalidates, e.g. Wagtail's site root paths after load_demo rebuilt pages.
    The default is scripts/prod-local.sh's, for a stack started by hand (--no-start)."""
    return os.environ.get("CACHE_KEY_PREFIX", "campaign-kit-local")


def start_stack(args):
    env = stack_env(args)
    subprocess.run([str(ROOT / "scripts/prod-local.sh"), "--prepare-only"], env=env, check=True)
    env["LOAD_DEMO"] = "0"
    process = subprocess.Popen(
        [str(ROOT / "scripts/prod-local.sh")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(ROOT / "var/prod-load-stack.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    # A loaded machine can take longer to boot the workers: --start-timeout where offered.
    deadline = time.monotonic() + getattr(args, "start_timeout", 60)
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(args.port, "GET", "/robots.txt")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    stop_stack(process)
    raise SystemExit("the production stack did not come up; see var/prod-load-stack.log")


def stop_stack(process):
    import signal

    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def setup_django(args):
    os.environ["DJANGO_SETTINGS_MODULE"] = "campaign_site.settings.production"
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/campaignkit")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
    os.environ["CACHE_KEY_PREFIX"] = cache_key_prefix()
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("SECRET_KEY", (ROOT / "var/prod-local-secret").read_text().strip())
    import logging

    import django

    django.setup()
    # aiosmtpd logs every envelope (addresses) at INFO: keep personal data out of the output.
    logging.getLogger("mail.log").setLevel(logging.WARNING)


# --------------------------------------------------------------------------- HTTP


def request(port, method, path, fields=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode(fields or {}, doseq=True) if fields is not None else None
    all_headers = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    if body is not None:
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers["Origin"] = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=all_headers)
    response = connection.getresponse()
    content = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, content, elapsed


# Each run uses fresh simulated addresses, so per-address limits of earlier runs do not apply.
_RUN_OFFSET = random.randrange(1 << 22)


def client_address(n):
    n += _RUN_OFFSET
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def surge(port, jobs, concurrency, max_seconds):
    """Run (path, fields, address) jobs with `concurrency` threads; returns per-job results."""
    results = []
    deadline = time.monotonic() + max_seconds

    def run(job):
        path, fields, address = job
        if time.monotonic() > deadline:
            return job, None, 0.0
        status, _, elapsed = request(
            port,
            "POST",
            path,
            fields,
            {"X-Forwarded-For": address, "Sec-Fetch-Site": "same-origin"},
        )
        return job, status, elapsed

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in as_completed([pool.submit(run, job) for job in jobs]):
            results.append(future.result())
    return results, time.perf_counter() - started


def percentile(values, q):
    if not values:
        return 0.0
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def load_average():
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def report(label, results, seconds):
    latencies = [elapsed for _, status, elapsed in results if status is not None]
    statuses = {}
    for _, status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    p50, p99 = percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000
    print(
        f"{label}: {len(latencies)} requests in {seconds:.2f} s "
        f"= {len(latencies) / seconds:.1f}/s; p50 {p50:.0f} ms, p99 {p99:.0f} ms; "
        f"statuses {dict(sorted(statuses.items(), key=lambda i: str(i[0])))}; {load_average()}"
    )
    return latencies


# --------------------------------------------------------------------------- main


def add_worker_arguments(parser):
    """gunicorn's worker options, shared by every script that starts the stack."""
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="per worker (gthread)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--smtp-port", type=int, default=8025)
    add_worker_arguments(parser)
    parser.add_argument("--signatures", type=int, default=600)
    parser.add_argument("--registrations", type=int, default=120)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--no-start", action="store_true", help="use a stack already running")
    parser.add_argument("--quick", action="store_true", help="smaller targets for CI")
    args = parser.parse_args(argv)

    print(
        f"gunicorn {args.workers} x {args.worker_class} (threads {args.threads}), "
        f"{args.concurrency} clients, {os.cpu_count()} cores, {load_average()}"
    )
    box, smtp = start_smtp(args.smtp_port)
    process = None if args.no_start else start_stack(args)
    failures = []
    try:
        setup_django(args)
        failures = run_surge(args, box)
    finally:
        if process is not None:
            stop_stack(process)
        smtp.stop()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: zero 5xx, nothing lost, no event over capacity, counts right after confirmation")
    return 0


def ensure_load_appeal(locale):
    """Without an open appeal in the demo content, add one under the English home page."""
    from wagtail.models import Page

    from tests.factories.appeals import AppealPageFactory

    home = Page.objects.get(depth=2, locale=locale).specific
    appeal = AppealPageFactory(parent=home, title="Load test appeal", slug="load-test-appeal")
    print(f"created {appeal.url} for the surge")
    return appeal


def signature_jobs(args, appeal, prefix):
    """Read the form's timestamp from the appeal page, wait the minimum fill time, and build
    one POST per simulated signer. Returns (jobs, time when the jobs were built)."""
    from django.conf import settings
    from django.utils import timezone

    from campaign_kit.appeals.models.signatures import Display

    status, html, _ = request(args.port, "GET", appeal.url)
    started = re.search(rb'name="p-started" value="([^"]+)"', html)
    # Post where the page's form posts (a plain URL outside page routing).
    action = re.search(rb'<form [^>]*method="post" action="([^"#]+/sign/)"', html)
    if status != 200 or not started or not action:
        return [], None
    time.sleep(getattr(settings, "CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS", 3) + 0.5)
    jobs = [
        (
            action.group(1).decode(),
            {
                f"p-{name}": value
                for name, value in {
                    "name": f"Load Tester {i}",
                    "email": f"{prefix}-{i}@example.org",
                    "country": "DE",
                    "city": "Bremen",
                    "display": Display.HIDDEN.value,
                    "consent": "on",
                    "homepage": "",
                    "started": started.group(1).decode(),
                }.items()
            },
            client_address(i),
        )
        for i in range(args.signatures)
    ]
    return jobs, timezone.now()


def run_surge(args, box):
    from django.db.models import Sum
    from wagtail.models import Locale

    from campaign_kit.appeals.models import AppealPage, Signature
    from campaign_kit.events.models import EventPage
    from campaign_kit.events.models.registrations import ACTIVE_STATUSES, Registration

    failures = []
    english = Locale.objects.get(language_code="en")
    appeal = AppealPage.objects.live().filter(locale=english, status="open").first()
    if appeal is None:
        appeal = ensure_load_appeal(english)
    event = (
        EventPage.objects.live()
        .filter(locale=english, capacity__isnull=False)
        .order_by("capacity")
        .first()
    )
    run_id = str(int(time.time()))

    # Signatures ------------------------------------------------------------------------
    before = Signature.objects.filter(appeal_key=appeal.translation_key).count()
    jobs, _ = signature_jobs(args, appeal, prefix=f"signer-{run_id}")
    if not jobs:
        return [f"could not read the signature form on {appeal.url}"]
    results, seconds = surge(args.port, jobs, args.concurrency, args.max_seconds)
    latencies = report("signatures", results, seconds)
    accepted = [job for job, status, _ in results if status is not None and status < 400]
    stored = Signature.objects.filter(appeal_key=appeal.translation_key).count() - before
    print(f"signatures accepted {len(accepted)}, rows stored {stored}")
    if any(status and status >= 500 for _, status, _ in results):
        failures.append("5xx answers during the signature surge")
    if stored != len(accepted):
        failures.append(f"signatures: {len(accepted)} accepted but {stored} stored")
    rate = len(latencies) / seconds
    p99 = percentile(latencies, 99)
    if not args.quick and (rate < 100 or p99 > 0.5):
        failures.append(f"signature target missed: {rate:.0f}/s (>=100), p99 {p99 * 1000:.0f} ms")

    # Registrations ---------------------------------------------------------------------
    if event is not None:
        status, html, _ = request(args.port, "GET", event.url)
        found = re.search(rb'<form [^>]*method="post" action="([^"#]+/register/)', html)
        if not found:
            # What the page said instead: its status and the registration section, if any.
            section = re.search(rb'<section id="register".*?</section>', html, re.S)
            shown = (section.group(0) if section else html[:300]).decode(errors="replace")
            raise SystemExit(f"no registration form on {event.url} ({status}): {shown}")
        register_path = found.group(1).decode()
        reg_before = Registration.objects.filter(event_key=event.translation_key).count()
        jobs = [
            (
                register_path,
                {
                    "name": f"Load Guest {i}",
                    "email": f"guest-{run_id}-{i}@example.org",
                    "places": "1",
                    "consent": "on",
                },
                client_address(100_000 + i),
            )
            for i in range(args.registrations)
        ]
        results, seconds = surge(args.port, jobs, args.concurrency, args.max_seconds)
        report(f"registrations (capacity {event.capacity})", results, seconds)
        accepted_reg = [job for job, status, _ in results if status is not None and status < 400]
        rows = Registration.objects.filter(event_key=event.translation_key)
        stored_reg = rows.count() - reg_before
        holding = (
            rows.filter(status__in=[s for s in ACTIVE_STATUSES if s != "waiting"]).aggregate(
                n=Sum("places")
            )["n"]
            or 0
        )
        print(
            f"registrations accepted {len(accepted_reg)}, rows stored {stored_reg}, "
            f"places held {holding} of {event.capacity}"
        )
        if any(status and status >= 500 for _, status, _ in results):
            failures.append("5xx answers during the registration surge")
        if stored_reg != len(accepted_reg):
            failures.append(f"registrations: {len(accepted_reg)} accepted, {stored_reg} stored")
        if holding > event.capacity:
            failures.append(f"event over capacity: {holding} > {event.capacity}")

    # Confirmations: the worker sends the mails, we follow each link -------------------
    addresses = [job[1]["p-email"] for job in accepted]
    links = box.confirmation_links(addresses, seconds=max(60, args.signatures / 5))
    print(f"confirmation mails received by the SMTP sink: {len(links)} of {len(addresses)}")
    if len(links) != len(addresses):
        failures.append(f"only {len(links)} of {len(addresses)} confirmation mails arrived")
    counts_path = appeal.url + "counts/"
    _, body, _ = request(args.port, "GET", counts_path)
    people_before = json.loads(body)["people"]
    confirm_jobs = [
        (urllib.parse.urlparse(link).path, {}, client_address(200_000 + n))
        for n, link in enumerate(links.values())
    ]
    results, seconds = surge(args.port, confirm_jobs, args.concurrency, args.max_seconds)
    report("confirmations", results, seconds)
    confirmed = sum(1 for _, status, _ in results if status is not None and status < 400)
    time.sleep(11)  # the counts endpoint may be cached for 10 s
    _, body, _ = request(args.port, "GET", counts_path + f"?after={run_id}")
    people_after = json.loads(body)["people"]
    print(f"public count {people_before} -> {people_after} after {confirmed} confirmations")
    if people_after - people_before != confirmed:
        failures.append(f"count moved by {people_after - people_before}, expected {confirmed}")
    return failures


if __name__ == "__main__":
    sys.exit(main())

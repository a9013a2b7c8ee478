"""Timing oracle check: does a form POST answer a known e-mail address slower or faster than a
new one? Run against the production stack.

Starts scripts/prod-local.sh like load_surge.py does (its helpers: production settings,
gunicorn, db_worker with the database task backend, PostgreSQL, Redis, an SMTP sink) on its
own port, database and Redis db, then sends interleaved pairs of POSTs, one pair at a time,
each pair in random order, each request from its own client address (X-Forwarded-For):

* appeal signature: a new address, and an address that signed at the start of the run;
* event registration: a new address, and one registered at the start of the run;
* print order: a new address, and one that ordered at the start of the run.

For each form it prints the median time of the new and the known address, their relative
difference and the median of the per-pair differences, and checks that both answer with the
same status, the same Location and the same body. Exits 1 when a relative difference of the
medians is above --max-difference (10 %) or an answer differs.

    .venv/bin/python benchmarks/timing_oracle.py [--pairs 60] [--port 8450]

Environment: PGDATABASE (default ck_timing), DATABASE_URL (built from it), REDIS_URL (default
redis://127.0.0.1:6379/5).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_surge  # noqa: E402


def post(port, path, fields, address):
    """One form POST as a browser sends it; returns (status, Location, body, seconds)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode(fields, doseq=True)
    headers = {
        "Host": f"127.0.0.1:{port}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://127.0.0.1:{port}",
        "Sec-Fetch-Site": "same-origin",
        "X-Forwarded-For": address,
    }
    started = time.perf_counter()
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read()
    elapsed = time.perf_counter() - started
    location = response.getheader("Location", "")
    connection.close()
    return response.status, location, content, elapsed


class Addresses:
    """A fresh client address for every request, so that no per-address limit is reached."""

    def __init__(self, start):
        self.n = start

    def __call__(self):
        self.n += 1
        return load_surge.client_address(self.n)


# --------------------------------------------------------------------------- the three forms


def form_fields(html, action_pattern):
    """(action, {name: value}) of the first form whose action matches: hidden inputs and
    the values a browser would send for the rest are filled in by the caller."""
    found = re.search(rb'<form[^>]*action="(' + action_pattern + rb')"', html)
    if not found:
        return None, {}
    start = found.start()
    end = html.index(b"</form>", start)
    form = html[start:end].decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    return found.group(1).decode().split("#")[0], {"__form__": form, **hidden}


def signature_form(port):
    from wagtail.models import Locale

    from campaign_kit.appeals.models import AppealPage

    english = Locale.objects.get(language_code="en")
    appeal = AppealPage.objects.live().filter(locale=english, status="open").first()
    if appeal is None:
        appeal = load_surge.ensure_load_appeal(english)
    status, html, _ = load_surge.request(port, "GET", appeal.url)
    action, fields = form_fields(html, rb"[^\"#]+/sign/")
    if status != 200 or action is None:
        raise SystemExit(f"no signature form on {appeal.url}")
    fields.pop("__form__")

    def make(email):
        return {
            **fields,
            "p-name": "Timing Tester",
            "p-email": email,
            "p-country": "DE",
            "p-city": "Bremen",
            "p-display": "hidden",
            "p-consent": "on",
            "p-homepage": "",
        }

    return action, make


def registration_form(port):
    from wagtail.models import Locale

    from campaign_kit.events.models import EventPage

    english = Locale.objects.get(language_code="en")
    # The largest event taking registrations: with its waiting list it never turns anyone away.
    events = EventPage.objects.live().filter(locale=english, registration_mode="open")
    for event in events.order_by("-capacity"):
        status, html, _ = load_surge.request(port, "GET", event.url)
        action, fields = form_fields(html, rb"[^\"#]+/register/[^\"]*")
        if status == 200 and action:
            fields.pop("__form__")
            break
    else:
        raise SystemExit("no event with a registration form in the demo content")

    def make(email):
        return {**fields, "name": "Timing Guest", "email": email, "places": "1", "consent": "on"}

    return action, make


def order_form(port):
    from wagtail.models import Locale

    from campaign_kit.campaigns.models import MaterialsPage

    english = Locale.objects.get(language_code="en")
    for page in MaterialsPage.objects.live().filter(locale=english, orders_open=True):
        path = page.url + page.reverse_subpage("order")
        status, html, _ = load_surge.request(port, "GET", path)
        action, fields = form_fields(html, re.escape(path.encode()))
        if status == 200 and action:
            break
    else:
        raise SystemExit("no materials page with an order form in the demo content")
    form = fields.pop("__form__")
    quantity = re.search(r'name="(quantity_\d+)"', form).group(1)
    countries = re.findall(r'<option value="([A-Z]{2})"', form)
    country = "DE" if "DE" in countries else countries[0]

    def make(email):
        return {
            **fields,
            "name": "Timing Reader",
            "street": "Hauptstraße 1",
            "postcode": "28195",
            "city": "Bremen",
            "country": country,
            "email": email,
            quantity: "1",
            "consent": "on",
        }

    return action, make


# --------------------------------------------------------------------------- measurement


def measure(port, label, action, make, pairs, addresses, run_id):
    """Interleaved pairs (new, known) in random order; returns (new, known, failures)."""
    slug = label.replace(" ", "-")
    known = f"known-{slug}-{run_id}@example.org"
    first = post(port, action, make(known), addresses())
    if first[0] >= 400:
        found = re.findall(rb'id="error_\d+_id_([^"]+)"[^>]*>(.*?)</span>', first[2], re.S)
        errors = [(k.decode(), re.sub(rb"<[^>]+>|\s+", b" ", v).decode()) for k, v in found]
        message = f"{label}: the first POST of the known address answered {first[0]} {errors}"
        return [], [], [message]
    for n in range(3):  # warm both paths in every worker before timing
        post(port, action, make(f"warm-{slug}-{run_id}-{n}@example.org"), addresses())
        post(port, action, make(known), addresses())
    new_times, known_times, failures = [], [], []
    for n in range(pairs):
        new = ("new", make(f"new-{slug}-{run_id}-{n}@example.org"))
        repeat = ("known", make(known))
        answers = {}
        for kind, fields in random.sample([new, repeat], 2):
            answers[kind] = post(port, action, fields, addresses())
        (ns, nl, nb, nt), (ks, kl, kb, kt) = answers["new"], answers["known"]
        if (ns, nl, nb) != (ks, kl, kb) or ns >= 400:
            failures.append(f"{label}: pair {n}: new {ns} {nl}, known {ks} {kl}")
        new_times.append(nt)
        known_times.append(kt)
    return new_times, known_times, failures[:3]  # the first few say enough


def summary(label, new_times, known_times):
    new, known = statistics.median(new_times), statistics.median(known_times)
    paired = statistics.median(k - n for n, k in zip(new_times, known_times, strict=True))
    difference = known / new - 1
    print(
        f"{label:>12}: new {new * 1000:6.1f} ms, known {known * 1000:6.1f} ms (medians of "
        f"{len(new_times)} pairs); difference {difference * 100:+.1f} %, median per pair "
        f"{paired * 1000:+.1f} ms"
    )
    return difference


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8450)
    parser.add_argument("--smtp-port", type=int, default=8451)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--max-difference", type=float, default=0.10)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--no-start", action="store_true", help="use a stack already running")
    parser.add_argument("--start-timeout", type=float, default=180, help="seconds")
    args = parser.parse_args(argv)

    os.environ.setdefault("PGDATABASE", "ck_timing")
    os.environ.setdefault(
        "DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{os.environ['PGDATABASE']}"
    )
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/5")
    os.environ.setdefault("CACHE_KEY_PREFIX", "campaign-kit-timing")
    print(
        f"gunicorn {args.workers} x {args.worker_class} (threads {args.threads}), "
        f"{args.pairs} pairs per form, {load_surge.load_average()}"
    )
    box, smtp = load_surge.start_smtp(args.smtp_port)
    started = time.monotonic()
    process = None if args.no_start else load_surge.start_stack(args)
    failures = []
    try:
        load_surge.setup_django(args)
        run_id = str(int(time.time()))
        forms = {
            "signature": signature_form(args.port),
            "registration": registration_form(args.port),
            "print order": order_form(args.port),
        }
        time.sleep(4)  # the appeal form's minimum fill time (signed into its timestamp)
        measuring = time.monotonic()
        addresses = Addresses(random.randrange(1 << 20))
        for label, (action, make) in forms.items():
            new, known, problems = measure(
                args.port, label, action, make, args.pairs, addresses, run_id
            )
            failures += problems
            if new:
                difference = summary(label, new, known)
                if abs(difference) > args.max_difference:
                    failures.append(
                        f"{label}: the known address differs by {difference * 100:+.1f} % "
                        f"(at most {args.max_difference * 100:.0f} %)"
                    )
        print(
            f"stack up in {measuring - started:.0f} s, pairs in {time.monotonic() - measuring:.0f}"
            f" s; {load_surge.load_average()}"
        )
    finally:
        if process is not None:
            load_surge.stop_stack(process)
        smtp.stop()
    del box
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: same answers, and no difference above the limit between known and new addresses")
    return 0


if __name__ == "__main__":
    sys.exit(main())

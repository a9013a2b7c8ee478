"""Fault proof: the mail server is unreachable during a surge.

Starts the production stack (scripts/prod-local.sh) with EMAIL_PORT pointing at a closed port,
fires a surge of signatures, and checks that every accepted submission is stored although no
mail could be sent. Then it starts an SMTP sink on that port and waits until the worker, helped
by `manage.py retry_failed_tasks` (run every few seconds here, every minute by default),
has delivered one confirmation mail per signature.

    .venv/bin/python benchmarks/fault_mail.py [--signatures 60]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_surge  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8013)
    parser.add_argument("--smtp-port", type=int, default=8027)
    load_surge.add_worker_arguments(parser)
    parser.add_argument("--signatures", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--load-demo", action=argparse.BooleanOptionalAction, default=False)
    args = parser.parse_args(argv)

    import os

    os.environ.update({"RETRY_INTERVAL": "3", "RETRY_AFTER": "1"})
    process = load_surge.start_stack(args)  # nothing listens on --smtp-port yet
    failures = []
    smtp = None
    try:
        load_surge.setup_django(args)
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult
        from wagtail.models import Locale

        from campaign_kit.appeals.models import AppealPage, Signature

        english = Locale.objects.get(language_code="en")
        appeal = AppealPage.objects.live().filter(locale=english, status="open").first()
        appeal = appeal or load_surge.ensure_load_appeal(english)
        # A fresh prefix per run: addresses of an earlier run would be repeats (no new rows).
        prefix = f"mailfault-{int(time.time())}"
        jobs, started = load_surge.signature_jobs(args, appeal, prefix=prefix)
        before = Signature.objects.filter(appeal_key=appeal.translation_key).count()
        results, seconds = load_surge.surge(args.port, jobs, args.concurrency, 120)
        load_surge.report("signatures while SMTP is down", results, seconds)
        accepted = [job for job, status, _ in results if status is not None and status < 400]
        stored = Signature.objects.filter(appeal_key=appeal.translation_key).count() - before
        print(f"accepted {len(accepted)}, stored {stored}")
        if any(status and status >= 500 for _, status, _ in results):
            failures.append("5xx answers while the mail server was down")
        if stored != len(accepted):
            failures.append(f"{len(accepted)} accepted but {stored} stored")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            failed = DBTaskResult.objects.filter(
                status=TaskResultStatus.FAILED, enqueued_at__gte=started
            ).count()
            if failed >= len(accepted):
                break
            time.sleep(1)
        print(f"mail tasks failed while SMTP was down: {failed}")

        box, smtp = load_surge.start_smtp(args.smtp_port)
        print("SMTP sink started; waiting for the worker to deliver")
        addresses = [job[1]["p-email"] for job in accepted]
        delivered = len(box.confirmation_links(addresses, seconds=120))
        print(f"confirmation mails delivered after recovery: {delivered} of {len(addresses)}")
        if delivered != len(addresses):
            failures.append(f"only {delivered} of {len(addresses)} mails delivered")
    finally:
        load_surge.stop_stack(process)
        if smtp is not None:
            smtp.stop()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: every submission stored while mail was down; every mail sent once it was back")
    return 0


if __name__ == "__main__":
    sys.exit(main())

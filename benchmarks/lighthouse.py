"""Lighthouse (mobile preset, pinned in tests/lighthouse/package.json) against Debian's Chromium.

Starts the demo site on a fresh SQLite database on 127.0.0.1 (development settings, no
page cache), audits the home, campaign, event, appeal, news and materials pages in English and
Russian, and fails when Accessibility, Best Practices or SEO scores below 95. Performance is
printed and, with --record, written to benchmarks/README.md: it is only meaningful on a quiet
machine (target 90 or more).

    (cd tests/lighthouse && npm ci)      # once; node_modules/ is git-ignored
    .venv/bin/python benchmarks/lighthouse.py [--record] [--port 8799]

Reports are kept in artifacts/lighthouse/ (git-ignored; CI keeps them).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "artifacts" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update"
)
PAGES = {
    "home": {"en": "/en/", "ru": "/ru/"},
    "campaign": {"en": "/en/protection-for-deserters/", "ru": "/ru/zashchita-dezertirov/"},
    "event": {"en": "/en/events/nuremberg-15-may/", "ru": "/ru/sobytiya/nuremberg-15-may/"},
    "appeal": {
        "en": "/en/appeal-protection-objectors/",
        "ru": "/ru/obrashchenie-zashchita-otkaznikov/",
    },
    "news": {"en": "/en/news/european-appeal/", "ru": "/ru/novosti/european-appeal/"},
    "materials": {"en": "/en/materials/", "ru": "/ru/materialy/"},
}
GATED = ("accessibility", "best-practices", "seo")
THRESHOLD = 0.95


def start_site(port, workdir):
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{workdir}/lighthouse.sqlite3",
        MEDIA_ROOT=str(Path(workdir) / "media"),
        DJANGO_SETTINGS_MODULE="campaign_site.settings.dev",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"], ["update_index"]):
        subprocess.run(
            [python, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=5)  # noqa: S310
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("the demo site did not start")


ATTEMPTS = 5


def audit(url, name):
    out = REPORTS / f"{name}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=performance,accessibility,best-practices,seo",
    ]
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    # Lighthouse sometimes loses the browser's trace on a busy machine (NO_NAVSTART, "Please
    # run Lighthouse again"), seen twice in a row for one page: a run that produced no report
    # is repeated; scores never are.
    for attempt in range(1, ATTEMPTS + 1):
        if subprocess.run(command, env=env, check=False).returncode == 0:
            break
        print(f"{name}: Lighthouse failed (attempt {attempt} of {ATTEMPTS})", file=sys.stderr)
    else:
        raise SystemExit(f"{name}: Lighthouse failed {ATTEMPTS} times")
    report = json.loads(out.read_text())
    return {key: report["categories"][key]["score"] for key in report["categories"]}


def record(results):
    readme = ROOT / "benchmarks" / "README.md"
    lines = [
        "## Lighthouse (mobile preset)",
        "",
        "`benchmarks/lighthouse.py --record`, Lighthouse 12.2.3, Debian's Chromium, development "
        "server on loopback. Performance needs a quiet machine (target ≥ 90).",
        "",
        "| page | Performance | Accessibility | Best Practices | SEO |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, scores in results.items():
        cells = [round((scores.get(k) or 0) * 100) for k in ("performance", *GATED)]
        lines.append(f"| {name} | " + " | ".join(str(c) for c in cells) + " |")
    text = readme.read_text()
    marker = "## Lighthouse (mobile preset)"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + len(marker))
        text = text[:start] + "\n".join(lines) + "\n" + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + "\n".join(lines) + "\n"
    readme.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--record", action="store_true", help="write the scores to the README")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: (cd tests/lighthouse && npm ci)")
    if shutil.which(os.environ.get("CHROME_PATH", "/usr/bin/chromium")) is None:
        raise SystemExit("Chromium is missing: apt-get install chromium")
    REPORTS.mkdir(parents=True, exist_ok=True)
    results, failures = {}, []
    with tempfile.TemporaryDirectory() as workdir:
        server = start_site(args.port, workdir)
        try:
            for page, by_language in PAGES.items():
                for code, path in by_language.items():
                    name = f"{page}-{code}"
                    scores = audit(f"http://127.0.0.1:{args.port}{path}", name)
                    results[name] = scores
                    print(name, {k: round((v or 0) * 100) for k, v in scores.items()})
                    failures += [
                        f"{name}: {key} {round((scores.get(key) or 0) * 100)}"
                        for key in GATED
                        if (scores.get(key) or 0) < THRESHOLD
                    ]
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.record:
        record(results)
    if failures:
        print("Below 95:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print(f"{len(results)} pages: Accessibility, Best Practices and SEO at least 95.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

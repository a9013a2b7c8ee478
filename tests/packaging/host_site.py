"""The host-site proof: Campaign Kit installed from its wheel into fresh Wagtail projects.

1. Builds the wheel and checks what it holds: each app's templates, static files, migrations
   and compiled translations (de, ru, uk), every module of the sources, nothing of the
   reference site (``home``, ``campaign_site``), one import name (``campaign_kit``).
2. Makes one virtualenv with Wagtail, then installs the wheel into it (timed; the packages it
   adds are counted: benchmarks/README.md).
3. For each scenario: ``wagtail start mysite`` in a temporary folder, an app of the host's own
   named ``events`` (``manage.py startapp events``), then the install guide applied word for
   word: the code blocks of docs/install.md, docs/apps/<app>.md and docs/languages.md whose
   first line names a file and a place (``# mysite/settings/base.py: at the end``). Then
   ``check``, ``makemigrations --check``, ``migrate`` and probe.py (publish, render through
   the host's base template, submit the public forms).

Scenarios: each app alone and all three together with one language; all three with four
languages and a base template of another name and other block names.

Usage: python tests/packaging/host_site.py [--keep]   (run by .ci/run)
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
APPS = ["events", "appeals", "campaigns"]
LANGUAGES = ["de", "ru", "uk"]
HOST_MARKER = "css/mysite.css"  # the stylesheet link of a `wagtail start` project's base.html

# Not from the docs: what a test run needs (mail kept in memory, forms posted at once).
HARNESS_SETTINGS = """
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0
INSTALLED_APPS += ["events"]  # the host's own app of that name
"""
# A base template with other names, set through the documented settings.
OTHER_BASE = """{% load static %}<!DOCTYPE html>
<html lang="en"><head><title>{% block title %}{{ page.title }}{% endblock %}</title>
<link rel="stylesheet" href="{% static 'css/mysite.css' %}">{% block styles %}{% endblock %}
</head><body data-layout="other"><main>{% block main %}{% endblock %}</main></body></html>
"""
OTHER_BASE_SETTINGS = """
CAMPAIGN_KIT_BASE_TEMPLATE = "layouts/page.html"
CAMPAIGN_KIT_HEAD_BLOCK = "styles"
CAMPAIGN_KIT_CONTENT_BLOCK = "main"
"""

SCENARIOS = [
    {"name": "events", "apps": ["events"], "languages": 1},
    {"name": "appeals", "apps": ["appeals"], "languages": 1},
    {"name": "campaigns", "apps": ["campaigns"], "languages": 1},
    {"name": "all", "apps": APPS, "languages": 1},
    {"name": "all-four-languages", "apps": APPS, "languages": 4, "other_base": True},
]


class Failure(Exception):
    pass


def run(cmd, cwd=None, env=None, label=None):
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode:
        raise Failure(f"FAILED {label or cmd}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result.stdout


# Reading the docs


def doc_blocks(path):
    """{(file, place): [code, ...]} from the fenced Python blocks of one docs page."""
    blocks = {}
    for code in re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S):
        first, _, rest = code.partition("\n")
        match = re.fullmatch(r"# (mysite/\S+): (.+)", first)
        if match:
            blocks.setdefault((match.group(1), match.group(2)), []).append(rest)
    return blocks


def apply_docs(project, apps, several_languages):
    settings = project / "mysite" / "settings" / "base.py"
    urls = project / "mysite" / "urls.py"
    install = doc_blocks(DOCS / "install.md")
    languages = doc_blocks(DOCS / "languages.md")
    pages = [doc_blocks(DOCS / "apps" / f"{app}.md") for app in apps]
    settings_code = install[("mysite/settings/base.py", "at the end")]
    for page in pages:
        settings_code += page[("mysite/settings/base.py", "at the end")]
    choice = "several languages" if several_languages else "one language"
    settings_code += languages[("mysite/settings/base.py", f"at the end ({choice})")]
    with settings.open("a") as f:
        f.write("\n" + "\n".join(settings_code))

    url_lines = "".join(
        "    " + line + "\n"
        for page in pages
        for line in "".join(page[("mysite/urls.py", "in the first urlpatterns list")]).splitlines()
    )
    source = urls.read_text()
    if several_languages:
        (block,) = languages[
            ("mysite/urls.py", "instead of the last urlpatterns (several languages)")
        ]
        block = block.replace("    # the apps' URL lines (see each app's page)\n", url_lines)
        start = source.rindex("urlpatterns = urlpatterns + [")
        source = source[:start] + block
    else:
        source = source.replace("urlpatterns = [\n", "urlpatterns = [\n" + url_lines, 1)
    urls.write_text(source)


# Steps


def build_wheel(work):
    run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(ROOT)],
        label="build the wheel",
    )
    (wheel,) = (work / "dist").glob("campaign_kit-*.whl")
    return wheel


def check_wheel(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    top = {name.split("/")[0] for name in names if not name.startswith("campaign_kit-")}
    assert top == {"campaign_kit"}, f"top-level names in the wheel: {sorted(top)}"
    for app in ["core", *APPS]:
        inside = [n for n in names if n.startswith(f"campaign_kit/{app}/")]
        for part in ("templates/", "static/", "migrations/0001"):
            assert any(f"campaign_kit/{app}/{part}" in n for n in inside), (app, part)
        for code in LANGUAGES:
            mo = f"campaign_kit/{app}/locale/{code}/LC_MESSAGES/django.mo"
            assert mo in names, f"missing {mo}"
        for source in (ROOT / app).rglob("*"):
            relative = source.relative_to(ROOT / app).as_posix()
            shipped = source.suffix in (".py", ".po") or relative.startswith(
                ("templates/", "static/")
            )
            if source.is_file() and shipped and "__pycache__" not in source.parts:
                assert f"campaign_kit/{app}/{relative}" in names, (
                    f"not in the wheel: {app}/{relative}"
                )
    assert not any(n.startswith(("home/", "campaign_site/")) for n in names)
    print(f"ok  wheel {wheel.name}: {len(names)} files, templates, static, migrations, de/ru/uk")


def installed(pip):
    out = run([pip, "list", "--format=freeze", "--disable-pip-version-check"])
    return {line.split("==")[0].lower() for line in out.splitlines() if line}


def make_venv(work, wheel):
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)], label="venv")
    pip = str(venv / "bin" / "pip")
    constraints = ["-c", str(ROOT / "constraints.txt")]
    run([pip, "install", "--quiet", *constraints, "wagtail"], label="pip install wagtail")
    before = installed(pip)
    started = time.monotonic()
    run([pip, "install", "--quiet", *constraints, str(wheel)], label="pip install the wheel")
    seconds = time.monotonic() - started
    added = sorted(installed(pip) - before)
    print(
        f"ok  wheel installed in {seconds:.1f} s, {len(added)} packages added: {', '.join(added)}"
    )
    return venv


def scenario(work, venv, spec):
    name = spec["name"]
    project = work / name
    project.mkdir()
    python = str(venv / "bin" / "python")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mysite.settings.dev", "PYTHONPATH": ""}
    env.pop("DATABASE_URL", None)
    log = [f"== {name}: {', '.join(spec['apps'])}, {spec['languages']} language(s)"]
    started = time.monotonic()
    run([str(venv / "bin" / "wagtail"), "start", "mysite", str(project)], label=f"{name}: start")
    run(
        [python, "manage.py", "startapp", "events"], cwd=project, env=env, label=f"{name}: startapp"
    )
    apply_docs(project, spec["apps"], spec["languages"] > 1)
    extra = HARNESS_SETTINGS
    marker = HOST_MARKER
    if spec.get("other_base"):
        layout = project / "mysite" / "templates" / "layouts" / "page.html"
        layout.parent.mkdir()
        layout.write_text(OTHER_BASE)
        extra += OTHER_BASE_SETTINGS
        marker = 'data-layout="other"'
    # dev.py, which the run uses, sets the console mail backend after importing base.py.
    with (project / "mysite" / "settings" / "dev.py").open("a") as f:
        f.write(extra)
    manage = [python, "manage.py"]
    out = run([*manage, "check"], cwd=project, env=env, label=f"{name}: check")
    assert "no issues" in out, out
    run(
        [*manage, "makemigrations", "--check", "--dry-run"],
        cwd=project,
        env=env,
        label=f"{name}: makemigrations --check",
    )
    run([*manage, "migrate", "--noinput"], cwd=project, env=env, label=f"{name}: migrate")
    log.append("  ok  check, makemigrations --check, migrate")
    languages = ["en", *LANGUAGES][: spec["languages"]]
    probe_env = {
        **env,
        "CK_APPS": ",".join(spec["apps"]),
        "CK_LANGS": ",".join(languages),
        "CK_MARKER": marker,
    }
    command = f"import runpy; runpy.run_path({str(Path(__file__).with_name('probe.py'))!r})"
    out = run([*manage, "shell", "-c", command], cwd=project, env=probe_env, label=f"{name}: probe")
    log.append(out.rstrip())
    log.append(f"  {time.monotonic() - started:.0f} s")
    return "\n".join(log)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--only", help="run only this scenario")
    args = parser.parse_args()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="ck-host-site-"))
    try:
        wheel = build_wheel(work)
        check_wheel(wheel)
        venv = make_venv(work, wheel)
        specs = [s for s in SCENARIOS if not args.only or s["name"] == args.only]
        failures = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(scenario, work, venv, spec) for spec in specs]
            for spec, future in zip(specs, futures, strict=True):
                try:
                    print(future.result(), flush=True)
                except (Failure, AssertionError) as exc:
                    failures += 1
                    print(f"== {spec['name']}: {exc}", flush=True)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"host-site proof: {failures} scenario(s) failed")
    print(f"host-site proof passed in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()

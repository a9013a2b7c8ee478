"""Uncached public pages of Campaign Kit's reference site against Wagtail's bakerydemo.

Both sites run at once on this machine, on the same Django and Wagtail (bakerydemo's venv gets
the versions of this project's venv), PostgreSQL on 127.0.0.1, a private Redis on loopback,
production settings (DEBUG off) and gunicorn with 2 sync workers; Campaign Kit's anonymous
page cache is off (bakerydemo has none). Comparable pages, loaded with wrk (benchmarks/wrk.py)
in interleaved rounds (A, B, A, B...), best round each:

    home          Campaign Kit home page        bakerydemo home page
    index         news index                    blog index
    article       news page                     blog page
    detail        event page                    bread page

It prints requests/s per page and side, the ratio (Campaign Kit / bakerydemo), the SQL queries
of one warm request of each page (Django's test client in a `manage.py shell -c` of each site,
after one request to warm the caches), and exits 1 when a ratio is below --min-ratio (1.5)
or a run had errors.

bakerydemo comes from a git directory (the mirror of github.com/wagtail/bakerydemo): its HEAD
is exported to a temporary folder on every run, its venv is cached in --cache. Nothing of it
is copied into this repository.

    .venv/bin/python benchmarks/bakerydemo_compare.py [--bakerydemo-git DIR]
        [--seconds 8] [--rounds 5] [--concurrency 8] [--min-ratio 1.5]
    # smoke run: --seconds 2 --rounds 1 --min-ratio 0
"""

import argparse
import glob
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import wrk  # noqa: E402

PG = "postgres://postgres@127.0.0.1:5432/"
WORKERS = 2  # sync gunicorn workers on each side, one per core
PAIRS = ("home", "index", "article", "detail")


@dataclass
class Site:
    name: str
    cwd: Path
    python: str  # the site's venv interpreter
    env: dict
    database: str
    prepare: list  # commands run in cwd after the database was recreated
    serve: list  # gunicorn in the foreground
    port: int
    pages: dict  # pair -> Wagtail page model name (the first live, public page in `language`)
    language: str = "en"
    urls: dict = field(default_factory=dict)  # pair -> path, found by page_queries()
    queries: dict = field(default_factory=dict)  # pair -> queries of a warm request


def campaign_kit(args, redis_url):
    """Everything that knows how Campaign Kit is started (its layout is being restructured:
    nothing else here names its modules, paths or settings)."""
    database = "bench_bakery_campaignkit"
    settings = "campaign_site.settings.production"
    env = {
        # scripts/prod-local.sh reads these; manage.py shell -c needs the same ones.
        "DJANGO_SETTINGS_MODULE": settings,
        "PROD_LOCAL_SETTINGS": settings,
        "PGDATABASE": database,
        "DATABASE_URL": PG + database,
        "REDIS_URL": f"{redis_url}/2",  # bakerydemo's settings take /0 and /1
        "CACHE_KEY_PREFIX": "bench-bakery",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, as on bakerydemo's side
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "TASKS": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(args.port + 3),  # nothing listens: no page sends mail
        "PAGE_CACHE_SECONDS": "0",  # the anonymous page cache off: every request renders
        "PORT": str(args.port),
        "WORKERS": str(WORKERS),
        "WORKER_CLASS": "sync",
        "THREADS": "1",
        "MAX_REQUESTS": "0",  # no worker recycled mid-round
        "RUN_WORKER": "0",  # no task worker (bakerydemo has none) ...
        "RETRY_INTERVAL": "86400",  # ... nor the retry loop starting a Python every minute
        "ACCESS_LOG": "/dev/null",  # bakerydemo's gunicorn logs no access either
        # The reference site's packages (campaign_site, home) from this checkout. The apps
        # (campaign_kit.*) come from the venv's editable install, i.e. from the checkout that
        # built .venv: benchmark a worktree with its own venv.
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
    }
    script = str(ROOT / "scripts/prod-local.sh")
    return Site(
        name="Campaign Kit",
        cwd=ROOT,
        python=str(ROOT / ".venv/bin/python"),
        env=env,
        database=database,
        prepare=[[script, "--prepare-only"]],  # migrate, collectstatic, messages, load_demo
        serve=[script],
        port=args.port,
        pages={
            "home": "homepage",
            "index": "newsindexpage",
            "article": "newspage",
            "detail": "eventpage",
        },
    )


def bakerydemo(args, redis_url, source, venv):
    """bakerydemo with its production settings, served by gunicorn (its own Procfile uses
    uwsgi) with anything network-bound on loopback or off."""
    database = "bench_bakery_bakerydemo"
    python = str(venv / "bin/python")
    manage = [python, "manage.py"]
    env = {
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DATABASE_URL": PG + database,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": redis_url,  # django-redis caches: default and renditions
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    # Unset (None), so they stay off: ELASTICSEARCH_ENDPOINT (search on the database), AWS_* and
    # GS_* (media on disk), FRONTEND_CACHE_* (no CDN purges), BASIC_AUTH_ENABLED, CSP_*.
    off = ("ELASTICSEARCH_", "AWS_", "GS_", "FRONTEND_CACHE_", "BASIC_AUTH_", "CSP_", "REDIS_TLS")
    env.update(dict.fromkeys(name for name in os.environ if name.startswith(off)))
    return Site(
        name="bakerydemo",
        cwd=source,
        python=python,
        env=env,
        database=database,
        prepare=[
            [*manage, "migrate", "--noinput", "-v0"],
            [*manage, "load_initial_data"],  # its demo content and images
            [*manage, "collectstatic", "--noinput", "-v0"],
        ],
        serve=[
            str(venv / "bin/gunicorn"),
            "bakerydemo.wsgi:application",
            f"--bind=127.0.0.1:{args.port + 1}",
            f"--workers={WORKERS}",
            "--worker-class=sync",
            "--timeout=30",
        ],
        port=args.port + 1,
        pages={
            "home": "homepage",
            "index": "blogindexpage",
            "article": "blogpage",
            "detail": "breadpage",
        },
    )


# --------------------------------------------------------------------------- bakerydemo venv

# Requirements of bakerydemo replaced or left out here, with the reason the README repeats.
DROPPED = {
    "django": "pinned to this project's version",
    "wagtail": "pinned to this project's version",
    "uwsgi": "not used: both sides are served by gunicorn (uwsgi also compiles from source)",
}
# Distributions whose versions bakerydemo's venv takes from this project's venv, when its own
# requirements allow them: Django, Wagtail and all they depend on, the server, the database
# driver and the Redis client.
SHARED = ("django", "wagtail", "gunicorn", "psycopg", "psycopg-binary", "redis", "django-redis")

_CLOSURE = """
import json, sys
from importlib import metadata
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
todo, seen = sys.argv[1:], {}
while todo:
    name = canonicalize_name(todo.pop())
    if name in seen:
        continue
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        continue
    seen[name] = dist.version
    for text in dist.requires or ():
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            todo.append(req.name)
print(json.dumps({"versions": seen, "python": sys._base_executable}))
"""


def read_requirements(path):
    lines = []
    for raw in path.read_text().splitlines():
        line = raw.split(" #")[0].strip()
        if line.startswith("-r"):
            lines += read_requirements(path.parent / line[2:].strip())
        elif line and not line.startswith("#"):
            lines.append(line)
    return lines


def bakerydemo_requirements(source, project):
    """bakerydemo's requirements with Django and Wagtail pinned to the project's versions, and
    a constraints file with the project's versions of SHARED and their dependencies."""
    versions = project["versions"]
    requirements, notes, named = [], [], {}
    for line in read_requirements(source / "requirements.txt"):
        req = Requirement(line)
        name = canonicalize_name(req.name)
        named[name] = req
        if name in DROPPED:
            notes.append(f"{line}: {DROPPED[name]}")
        else:
            requirements.append(line)
    requirements += [f"Django=={versions['django']}", f"wagtail=={versions['wagtail']}"]
    requirements.append(f"gunicorn=={versions['gunicorn']}")
    constraints = []
    for name, version in sorted(versions.items()):
        req = named.get(name)
        if req is not None and name not in DROPPED and not req.specifier.contains(version):
            notes.append(f"{req}: kept (this project has {name} {version})")
        else:
            constraints.append(f"{name}=={version}")
    return requirements, constraints, notes


def ensure_venv(cache, source, project):
    requirements, constraints, notes = bakerydemo_requirements(source, project)
    venv = cache / "venv"
    wanted = "\n".join([project["python"], *requirements, "--", *constraints])
    stamp = venv / "bench-requirements.txt"
    if stamp.exists() and stamp.read_text() == wanted:
        return venv, notes
    shutil.rmtree(venv, ignore_errors=True)
    print(f"bakerydemo: creating {venv} (Python {project['python']})")
    subprocess.run([project["python"], "-m", "venv", str(venv)], check=True)
    (cache / "requirements.txt").write_text("\n".join(requirements) + "\n")
    (cache / "constraints.txt").write_text("\n".join(constraints) + "\n")
    subprocess.run(
        [
            str(venv / "bin/pip"),
            "install",
            "--quiet",
            "-r",
            str(cache / "requirements.txt"),
            "-c",
            str(cache / "constraints.txt"),
        ],
        check=True,
    )
    stamp.write_text(wanted)
    return venv, notes


def find_git_dir(given):
    candidates = [given] if given else sorted(glob.glob("/work/.mirror/wagtail+bakerydemo*"))
    for candidate in candidates:
        for path in (Path(candidate), Path(candidate) / "repo"):
            if (path / "HEAD").is_file() and (path / "objects").is_dir():
                return path
    raise SystemExit("bakerydemo's git directory not found: --bakerydemo-git or BAKERYDEMO_GIT")


def export_head(git_dir, target):
    archive = subprocess.Popen(
        ["git", f"--git-dir={git_dir}", "archive", "HEAD"], stdout=subprocess.PIPE
    )
    subprocess.run(["tar", "-x", "-C", str(target)], stdin=archive.stdout, check=True)
    if archive.wait():
        raise SystemExit(f"git archive failed in {git_dir}")
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "log", "-1", "--format=%h %cs"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


# --------------------------------------------------------------------------- processes


def site_env(site):
    env = {**os.environ, **site.env}
    return {name: value for name, value in env.items() if value is not None}


def run_logged(command, site, log):
    with open(log, "a") as handle:
        handle.write(f"$ {' '.join(command)}\n")
        handle.flush()
        done = subprocess.run(
            command, cwd=site.cwd, env=site_env(site), stdout=handle, stderr=handle
        )
    if done.returncode:
        tail = Path(log).read_text().splitlines()[-30:]
        raise SystemExit(f"{site.name}: {command[0]} failed:\n" + "\n".join(tail))


def recreate_database(name):
    assert name.startswith("bench_bakery_")
    common = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *common, "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", *common, name], check=True)


def drop_database(name):
    common = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *common, "--if-exists", "--force", name], check=False)


def start(command, *, cwd, env, log):
    return subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "a"),  # noqa: SIM115
        start_new_session=True,  # its own process group: stopped as one, nothing else
    )


def stop(process):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def wait_for_port(port, seconds=10):
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def wait_until_up(site, process, log):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            get(site.port, "/")
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{site.name} did not come up on port {site.port}; see {log}")


# --------------------------------------------------------------------------- queries

# Runs inside each site (manage.py shell -c): Wagtail's and Django's public APIs only.
_QUERIES = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
client = Client(HTTP_HOST=os.environ["BENCH_HOST"])
found = {}
for pair, model in json.loads(os.environ["BENCH_PAGES"]).items():
    page = (
        Page.objects.live().public()
        .filter(content_type__model=model, locale__language_code=os.environ["BENCH_LANGUAGE"])
        .order_by("path").first()
    )
    if page is None:
        found[pair] = {"error": f"no live {model}"}
        continue
    url = page.get_url()
    client.get(url)  # warms the caches and makes the renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    found[pair] = {"url": url, "status": response.status_code, "queries": len(captured)}
print("BENCH-JSON " + json.dumps(found))
"""


def page_queries(site):
    """The pages to load and the SQL queries of one warm request of each."""
    env = {
        **site_env(site),
        "BENCH_HOST": f"127.0.0.1:{site.port}",
        "BENCH_PAGES": json.dumps(site.pages),
        "BENCH_LANGUAGE": site.language,
    }
    done = subprocess.run(
        [site.python, "manage.py", "shell", "-c", _QUERIES],
        cwd=site.cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH-JSON ")]
    if done.returncode or not lines:
        raise SystemExit(f"{site.name}: counting queries failed:\n{done.stdout}\n{done.stderr}")
    for pair, found in json.loads(lines[-1].split(" ", 1)[1]).items():
        if found.get("status") != 200:
            raise SystemExit(f"{site.name} {pair}: {found}")
        site.urls[pair] = urlsplit(found["url"]).path
        site.queries[pair] = found["queries"]


def warm_and_check(site, requests=10):
    """Every worker renders each page before the rounds; every answer must be a rendered 200."""
    sizes = {}
    for pair, path in site.urls.items():
        for _ in range(requests):
            status, headers, body = get(site.port, path)
            if status != 200:
                raise SystemExit(f"{site.name} {path}: HTTP {status}")
            hits = [k for k, v in headers.items() if "cache" in k.lower() and v.lower() == "hit"]
            if hits:
                raise SystemExit(f"{site.name} {path} came from a page cache ({hits})")
        sizes[pair] = len(body)
    return sizes


# --------------------------------------------------------------------------- main


def load_average():
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo-git", default=os.environ.get("BAKERYDEMO_GIT"))
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(
            os.environ.get("BAKERYDEMO_CACHE") or Path(tempfile.gettempdir(), "bench-bakerydemo")
        ),
    )
    parser.add_argument(
        "--port", type=int, default=8310, help="Campaign Kit; +1 bakerydemo, +2 Redis"
    )
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8, help="open connections")
    parser.add_argument("--min-ratio", type=float, default=1.5, help="lower for smoke runs")
    args = parser.parse_args(argv)
    if not 8310 <= args.port <= 8317:
        raise SystemExit("--port: 8310 to 8317 (this benchmark uses the port and the next two)")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")

    git_dir = find_git_dir(args.bakerydemo_git)
    args.cache.mkdir(parents=True, exist_ok=True)
    logs = args.cache / "logs"
    logs.mkdir(exist_ok=True)
    source = Path(tempfile.mkdtemp(prefix="src-", dir=args.cache))
    processes = []
    sites = []
    try:
        commit = export_head(git_dir, source)
        redis_port = args.port + 2
        redis_url = f"redis://127.0.0.1:{redis_port}"
        redis = start(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port)]
            + ["--save", "", "--appendonly", "no"],
            cwd=args.cache,
            env=os.environ,
            log=logs / "redis.log",
        )
        processes.append(redis)
        wait_for_port(redis_port)

        ours = campaign_kit(args, redis_url)
        closure = subprocess.run(
            [ours.python, "-c", _CLOSURE, *SHARED], capture_output=True, text=True, check=True
        )
        project = json.loads(closure.stdout)
        venv, notes = ensure_venv(args.cache, source, project)
        theirs = bakerydemo(args, redis_url, source, venv)
        sites = [ours, theirs]
        versions = project["versions"]
        print(
            f"Django {versions['django']}, Wagtail {versions['wagtail']}, gunicorn "
            f"{versions['gunicorn']} x {WORKERS} sync on both sides; bakerydemo {commit}; "
            f"{os.cpu_count()} cores"
        )
        for note in notes:
            print(f"bakerydemo requirement {note}")

        for site in sites:
            log = logs / f"{site.database}.log"
            log.write_text("")
            started = time.monotonic()
            recreate_database(site.database)
            for command in site.prepare:
                run_logged(command, site, log)
            print(f"{site.name}: prepared in {time.monotonic() - started:.0f} s (log {log})")
            process = start(site.serve, cwd=site.cwd, env=site_env(site), log=log)
            processes.append(process)
            wait_until_up(site, process, log)

        sizes = {}
        for site in sites:
            page_queries(site)
            sizes[site.name] = warm_and_check(site)

        # Every round's rate is kept too: the two sides of a pair run back to back, so the
        # ratio within a round shows how much the machine's load moved the best-round ratio.
        rates = {}

        def load(site, pair):
            url = f"http://127.0.0.1:{site.port}{site.urls[pair]}"

            def run():
                result = wrk.run(url, seconds=args.seconds, connections=args.concurrency)
                rates.setdefault((pair, site.name), []).append(result.rate)
                return result

            return run

        cases = {f"{pair} {site.name}": load(site, pair) for pair in PAIRS for site in sites}
        print(f"{args.rounds} rounds of {args.seconds} s, {args.concurrency} connections")
        best, failures = wrk.best_of_rounds(cases, args.rounds, load_average)
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(source, ignore_errors=True)
        for site in sites:
            drop_database(site.database)

    print()
    print(f"{'':8}  {ours.name:^22}  {theirs.name:^22}")
    print(f"{'page':8}" + "  req/s queries      kB" * 2 + "   ratio  rounds  paths")
    low = []
    for pair in PAIRS:
        row = f"{pair:8}"
        for site in sites:
            rate = best[f"{pair} {site.name}"]
            row += f"  {rate:5.0f} {site.queries[pair]:7d} {sizes[site.name][pair] / 1024:7.1f}"
        ratio = best[f"{pair} {ours.name}"] / best[f"{pair} {theirs.name}"]
        if ratio < args.min_ratio:
            low.append(f"{pair}: {ratio:.2f}")
        within = statistics.median(
            a / b for a, b in zip(rates[pair, ours.name], rates[pair, theirs.name], strict=True)
        )
        paths = f"{ours.urls[pair]} | {theirs.urls[pair]}"
        print(f"{row}  {ratio:5.2f}x  {within:5.2f}x  {paths}")
    print(
        "req/s: best round; ratio: of the best rounds (the target); rounds: median of the "
        f"ratios within each round; queries of a warm request; kB of HTML; {load_average()}"
    )
    for failure in failures:
        print("FAILED:", failure)
    if low:
        print(f"BELOW {args.min_ratio}x: {', '.join(low)}")
    return 1 if low or failures else 0


if __name__ == "__main__":
    sys.exit(main())

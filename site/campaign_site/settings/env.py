"""Read configuration from environment variables, through environs.

environs (marshmallow underneath) parses and validates; these readers keep two things of
their own: every error is an ImproperlyConfigured that names the variable and the value, so a
malformed value stops start-up with a message an operator can act on instead of a traceback
deep inside Django; and an empty variable means "not set" (the default), as .env.example and
container environments write it. The database and cache readers add the project's tuning
(SQLite WAL and IMMEDIATE, PostgreSQL prepared statements and JIT, django-redis), which no
library knows.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from environs import Env, EnvError

_env = Env()


def _blank(name):
    value = os.environ.get(name)
    return value is None or value.strip() == ""


def get_str(name, default=None, *, required=False):
    if _blank(name):
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return _env.str(name)


def get_bool(name, default=False):
    if name not in os.environ:
        return default
    if _blank(name):
        return False
    try:
        return _env.bool(name)
    except EnvError:
        raise ImproperlyConfigured(
            f"{name} must be true or false, not {os.environ[name]!r}."
        ) from None


def get_int(name, default):
    if _blank(name):
        return default
    try:
        return _env.int(name)
    except EnvError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {os.environ[name]!r}."
        ) from None


def get_list(name, default=()):
    if name not in os.environ:
        return list(default)
    return [item.strip() for item in _env.list(name) if item.strip()]


def get_database(name, default_url, postgres_conn_max_age=0):
    """Parse DATABASE_URL; SQLite gets WAL and IMMEDIATE transactions.

    DB_CONN_MAX_AGE overrides how long connections are kept (default: none for SQLite,
    ``postgres_conn_max_age`` for PostgreSQL); DB_PREPARE_THRESHOLD tells psycopg when to
    prepare a statement (default 5 runs; "off" for none).
    """
    url = get_str(name, default_url)
    postgres = url.startswith(("postgres", "pgsql"))
    try:
        # dj-database-url parses (environs' dj_db_url would too, but reads an empty
        # variable as a bad URL instead of "not set").
        config = dj_database_url.parse(
            url,
            conn_max_age=get_int("DB_CONN_MAX_AGE", postgres_conn_max_age if postgres else 0),
            # A kept connection is checked before each request uses it, so the site recovers
            # by itself after a database restart (parse() sets False unless told).
            conn_health_checks=postgres,
        )
    except Exception as exc:  # the library raises several types for bad URLs
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {exc}") from None
    engine = config.get("ENGINE", "")
    if not engine:
        raise ImproperlyConfigured(f"{name} names an unknown database engine: {url!r}.")
    if postgres:
        # Values travel apart from the SQL (Django's server_side_binding), so psycopg keeps a
        # statement prepared after this many runs on one connection: parsing and planning
        # were half of the signature insert's time in the database. Behind a pooler in
        # transaction mode (PgBouncer before 1.21), set DB_PREPARE_THRESHOLD=off.
        threshold = get_str("DB_PREPARE_THRESHOLD", "5")
        prepare = threshold.lower() not in {"off", "none"}
        config.setdefault("OPTIONS", {}).update(
            server_side_binding=prepare,
            prepare_threshold=get_int("DB_PREPARE_THRESHOLD", 5) if prepare else None,
        )
        # PostgreSQL's JIT compiles queries whose estimated cost is high, such as the menu's
        # (subqueries over every page of a language): 3.7 s of compiling for a 70 ms query at
        # 12,000 pages (benchmarks/growth.py). Short web queries never gain from it.
        config["OPTIONS"].setdefault("options", "-c jit=off")
    if engine == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(
            {
                # IMMEDIATE takes the write lock when a transaction starts, so two
                # writers queue instead of failing with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
                ),
            }
        )
    return config


def get_cache(name):
    """Redis when REDIS_URL is set, local memory otherwise."""
    url = get_str(name)
    if not url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "campaign-kit",
            }
        }
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"{name} must start with redis://, rediss:// or unix://.")
    # django-redis rather than Django's own Redis backend: it keeps one client per process
    # (Django's builds a new client for every operation) and increments in one atomic round
    # trip (Django's checks and increments in two); the rate limits count with both.
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": get_str("CACHE_KEY_PREFIX", "campaign-kit"),
            "TIMEOUT": 300,
        }
    }

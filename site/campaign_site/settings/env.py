"""Read configuration from environment variables.

Every reader names the variable in its error, so a malformed value stops
start-up with a message an operator can act on instead of a traceback deep
inside Django.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def get_str(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def get_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def get_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def get_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def get_database(name, default_url, postgres_conn_max_age=0):
    """Parse DATABASE_URL; SQLite gets WAL and IMMEDIATE transactions.

    DB_CONN_MAX_AGE overrides how long connections are kept (default: none for SQLite,
    ``postgres_conn_max_age`` for PostgreSQL); DB_PREPARE_THRESHOLD tells psycopg when to
    prepare a statement (default 5 runs; "off" for none).
    """
    url = get_str(name, default_url)
    postgres = url.startswith(("postgres", "pgsql"))
    try:
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

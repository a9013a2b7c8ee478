"""Production: a real secret key, PostgreSQL and Redis from the environment, database tasks."""

import importlib.util

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import get_bool, get_database, get_int, get_str

DEBUG = False
SECRET_KEY = get_str("SECRET_KEY", required=True)
if SECRET_KEY.startswith("insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters.")

# Persistent PostgreSQL connections (checked before each use, CONN_HEALTH_CHECKS): without
# them every request, and the mail worker after every task, opens a new connection.
DATABASES = {
    **DATABASES,  # noqa: F405
    "default": get_database("DATABASE_URL", DEFAULT_DATABASE_URL, postgres_conn_max_age=60),  # noqa: F405
}

TASKS_BACKEND = get_str("TASKS", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }.get(TASKS_BACKEND, "django_tasks_db.DatabaseBackend")
    }
}

# Static files: WhiteNoise serves compressed files with hashed names (cacheable for a year).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on disk (MEDIA_ROOT) by default; MEDIA_STORAGE=s3 stores uploads in an S3-compatible
# bucket through django-storages (pip install "campaign-kit[s3]", i.e. django-storages[s3]).
MEDIA_STORAGE = get_str("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    # find_spec, not import: boto3 is slow to import and settings must not touch Django yet.
    missing = [name for name in ("storages", "boto3") if importlib.util.find_spec(name) is None]
    if missing:
        raise ImproperlyConfigured(
            f'MEDIA_STORAGE=s3 needs {" and ".join(missing)}: pip install "django-storages[s3]"'
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": get_str("AWS_STORAGE_BUCKET_NAME", required=True),
            # Unset values fall back to boto3's own lookup (AWS region, credentials chain).
            "endpoint_url": get_str("AWS_S3_ENDPOINT_URL"),
            "region_name": get_str("AWS_S3_REGION_NAME"),
            "access_key": get_str("AWS_ACCESS_KEY_ID"),
            "secret_key": get_str("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": get_str("AWS_S3_CUSTOM_DOMAIN"),
            # MinIO and some other S3-compatible servers need "path".
            "addressing_style": get_str("AWS_S3_ADDRESSING_STYLE"),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": get_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be filesystem or s3, not {MEDIA_STORAGE!r}.")

# Anonymous visitors get cached pages (purged on publish; live counters every few seconds).
CAMPAIGN_KIT_PAGE_CACHE_SECONDS = get_int("PAGE_CACHE_SECONDS", 300)

SECURE_SSL_REDIRECT = get_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = get_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = get_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = get_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = get_bool("SECURE_COOKIES", True)
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12  # editors sign in again after half a day
X_FRAME_OPTIONS = "SAMEORIGIN"

# Deliberate deviations from `check --deploy`, so that `--fail-level WARNING` stays meaningful:
# - W019: Wagtail's live preview shows the page in a same-origin frame, so SAMEORIGIN, not DENY
#   (the CSP's frame-ancestors 'self' says the same to modern browsers).
# - W021: joining the HSTS preload list is an operator's decision about the whole domain; set
#   SECURE_HSTS_PRELOAD=true once all subdomains serve HTTPS.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]

"""Settings shared by every environment. Values come from the environment (see .env.example)."""

from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/campaign_site
BASE_DIR = PROJECT_DIR.parent.parent  # repository root

SECRET_KEY = env.get_str("SECRET_KEY", "insecure-development-key-do-not-use-in-production")
DEBUG = env.get_bool("DEBUG", False)
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Reference site: its pages and settings, then its project templates and static files
    "home",
    "campaign_site",
    # Campaign Kit, installed as any Wagtail site installs it (docs/install.md)
    "campaign_kit.core",
    "campaign_kit.campaigns",
    "campaign_kit.events",
    "campaign_kit.appeals",
    # Translation
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Forms, countries, tasks
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",  # django-csp: its system checks (the middleware is campaign_site.middleware)
    "django.forms",  # Django's widget templates for the project's form renderer
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "campaign_site.middleware.PathScopedCSPMiddleware",  # django-csp, admin scoped by prefix
    "campaign_site.middleware.ResourcePolicyMiddleware",  # Permissions-Policy, CORP
    "campaign_site.unavailable.ServiceUnavailableMiddleware",  # database/cache down: 503
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "campaign_site.middleware.AnonymousPageCacheMiddleware",  # on when PAGE_CACHE_SECONDS > 0
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "campaign_site.middleware.PublicFormCsrfMiddleware",  # Origin check, no cookie on /<lang>/
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "campaign_site.security.AdminLoginThrottleMiddleware",  # 429 after too many login POSTs
    "home.localize.PoUploadCheckMiddleware",  # bad PO uploads answered before wagtail-localize
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "campaign_site.urls"
WSGI_APPLICATION = "campaign_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "campaign_kit.core.layout.layout",  # the suite's pages in this base template
            ],
        },
    },
]

# Widgets render with the project's template settings, so the project can override a widget
# template (templates/django/forms/widgets/select.html renders options inline: faster lists).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.get_database("DATABASE_URL", DEFAULT_DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = env.get_cache("REDIS_URL")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language; every URL carries a prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("uk", "Українська"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files: the site's theme and each app's stylesheet, hand-written (no build step).
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.get_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.get_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "Campaign Kit <noreply@example.org>")
SERVER_EMAIL = env.get_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Address that receives staff notifications (print orders, moderation queue).
CAMPAIGN_KIT_STAFF_EMAIL = env.get_str("STAFF_EMAIL", "team@example.org")

# Background tasks (django-tasks): e-mails are queued here after the data is committed.
TASKS_BACKEND = env.get_str("TASKS", "immediate")
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"TASKS must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions and cookies: readers get none; forms only get the CSRF cookie.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Wagtail
WAGTAIL_SITE_NAME = env.get_str("SITE_NAME", "Campaign Kit")
WAGTAILADMIN_BASE_URL = env.get_str("BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, with each language's text search configuration on PostgreSQL.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt", "png", "jpg", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is a download (Content-Disposition: attachment), never rendered in the site's
# origin; Wagtail also sends a sandboxing CSP for documents.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No third-party requests: no gravatar, no update check, no embeds from outside.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
if env.get_str("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.get_str("DEEPL_API_KEY")},
    }

# The suite reads contact details and the privacy policy page from the reference site's own
# settings model (fields of the same names as the core's ContactSettings).
CAMPAIGN_KIT_CONTACT_SETTINGS = "home.SiteSettings"
# The suite's pages extend templates/base.html, whose head block is named extra_head.
CAMPAIGN_KIT_HEAD_BLOCK = "extra_head"

# Privacy and retention (days); see `manage.py purge_personal_data`.
CAMPAIGN_KIT_PRIVACY_VERSION = env.get_str("PRIVACY_VERSION", "2026-11")
CAMPAIGN_KIT_EVENTS_RETENTION_DAYS = env.get_int("RETENTION_DAYS", 30)
# Salt for hashing client addresses and e-mail addresses before storing them.
CAMPAIGN_KIT_HASH_SALT = env.get_str("HASH_SALT", SECRET_KEY)

# Security headers. CSP through django-csp (campaign_site.middleware.PathScopedCSPMiddleware):
# no inline scripts on public pages (inline style attributes are allowed: progress bar widths),
# frame-ancestors 'self'; the admin prefix gets its own directives; paths listed in
# CAMPAIGN_KIT_EMBEDDABLE_PATH_PREFIXES (e.g. appeal badges) may be framed anywhere.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
CAMPAIGN_KIT_EMBEDDABLE_PATH_PREFIXES = []
_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
    }
}
# CSP_REPORT_ONLY=true sends the same policy as report-only while testing a customisation.
if env.get_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = _CSP
# Anonymous page cache (seconds; 0 = off). Pages with live counters use the shorter lifetime.
CAMPAIGN_KIT_PAGE_CACHE_SECONDS = env.get_int("PAGE_CACHE_SECONDS", 0)
CAMPAIGN_KIT_LIVE_PAGE_CACHE_SECONDS = env.get_int("LIVE_PAGE_CACHE_SECONDS", 5)
CAMPAIGN_KIT_ADMIN_LOGIN_RATE = env.get_str("ADMIN_LOGIN_RATE", "10/m")

# Rate limiting keys on a hash of the client address (no raw IPs stored).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "home.views.rate_limited"  # used by RatelimitMiddleware
# Behind trusted reverse proxies, set TRUSTED_PROXY_HEADER=HTTP_X_FORWARDED_FOR and
# TRUSTED_PROXY_HOPS to their number (see README, "Behind a reverse proxy").
CAMPAIGN_KIT_CLIENT_IP_HEADER = env.get_str("TRUSTED_PROXY_HEADER", "REMOTE_ADDR")
CAMPAIGN_KIT_TRUSTED_PROXY_HOPS = env.get_int("TRUSTED_PROXY_HOPS", 1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logs would carry IPs and e-mail addresses in query strings.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": env.get_str("SERVER_LOG_LEVEL", "INFO")},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

"""Development: debug on, mails printed to the terminal, tasks run immediately."""

from .base import *  # noqa: F403
from .env import get_bool, get_str

DEBUG = get_bool("DEBUG", True)
EMAIL_BACKEND = get_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
INTERNAL_IPS = ["127.0.0.1"]

# WhiteNoise serves from STATIC_ROOT after collectstatic; here it uses the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

#!/usr/bin/env python
"""Django's command-line utility for the reference site."""

import os
import sys
from pathlib import Path

# The reference project's package lives in site/ (the standard library owns the
# name `site`, so the folder itself is never imported).
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A bad environment variable: say which, without a traceback.
        sys.exit(f"Configuration error: {exc}")


if __name__ == "__main__":
    main()

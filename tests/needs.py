"""What a test needs from the machine (a browser, gettext, redis-server)."""

import os

import pytest


def needs(reason):
    """The machine lacks something the test needs: skip, except in CI (CI=true), where the
    missing piece is a failure, so that no test goes quietly unrun there."""
    if os.environ.get("CI"):
        pytest.fail(f"missing in CI: {reason}")
    pytest.skip(reason)

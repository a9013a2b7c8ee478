"""`manage.py check --deploy --fail-level WARNING` is clean under production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deploy check.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(45)[:60],
        "ALLOWED_HOSTS": "campaign.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://campaign.example.org",
        "DATABASE_URL": "sqlite:////tmp/prod-deploy-check.sqlite3",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    env.update(extra)
    return env


def run_manage(*args, **extra):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_env(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_weak_secret_key():
    result = run_manage("check", SECRET_KEY="short")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_media_storage_setting_is_validated():
    result = run_manage("check", MEDIA_STORAGE="ftp")
    assert result.returncode != 0
    assert "MEDIA_STORAGE" in result.stderr

"""MEDIA_STORAGE=s3 configures django-storages' S3Storage from the environment."""

import importlib
import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "campaign-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_S3_REGION_NAME": "eu-central-1",
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
    "AWS_S3_ADDRESSING_STYLE": "path",
}


@pytest.fixture(autouse=True)
def _no_media_environment(monkeypatch):
    for name in ["AWS_S3_CUSTOM_DOMAIN", "AWS_QUERYSTRING_AUTH", *S3_ENV]:
        monkeypatch.delenv(name, raising=False)


def test_filesystem_is_the_default(production_settings):
    settings = production_settings()
    assert settings.STORAGES["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_s3_settings_come_from_the_environment(production_settings, monkeypatch):
    # Pretend the optional extra is installed, so this holds with or without it.
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: object() if name in {"storages", "boto3"} else real_find_spec(name, *a),
    )
    media = production_settings(**S3_ENV).STORAGES["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"] == {
        "bucket_name": "campaign-media",
        "endpoint_url": "https://s3.example.org",
        "region_name": "eu-central-1",
        "access_key": "test-access-key",
        "secret_key": "test-secret-key",
        "custom_domain": None,
        "addressing_style": "path",
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": False,
    }


def test_s3_without_a_bucket_names_the_variable(production_settings, monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object())
    env = {k: v for k, v in S3_ENV.items() if k != "AWS_STORAGE_BUCKET_NAME"}
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        production_settings(**env)


def test_s3_without_the_package_says_what_to_install(production_settings, monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "storages" else real_find_spec(name, *a),
    )
    with pytest.raises(ImproperlyConfigured, match=r"MEDIA_STORAGE=s3 .*django-storages\[s3\]"):
        production_settings(**S3_ENV)


def test_unknown_media_storage_is_refused(production_settings):
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE"):
        production_settings(MEDIA_STORAGE="ftp")


def test_the_options_are_accepted_by_the_real_backend(production_settings):
    """With the extra installed, S3Storage takes every option and builds media URLs on the
    configured endpoint and bucket (no request leaves the machine for a URL)."""
    pytest.importorskip("storages.backends.s3")
    from storages.backends.s3 import S3Storage

    options = production_settings(**S3_ENV).STORAGES["default"]["OPTIONS"]
    storage = S3Storage(**options)  # an unknown option raises ImproperlyConfigured
    assert storage.url("images/flyer.jpg") == (
        "https://s3.example.org/campaign-media/images/flyer.jpg"
    )

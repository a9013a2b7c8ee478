"""Database settings read from the environment (campaign_site/settings/env.py)."""


def test_production_keeps_postgresql_connections(production_settings, monkeypatch):
    """Persistent, health-checked connections: no new connection per request or mail task."""
    monkeypatch.delenv("DB_CONN_MAX_AGE", raising=False)
    settings = production_settings(DATABASE_URL="postgres://app@db.example.org:5432/campaign")
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    settings = production_settings(DB_CONN_MAX_AGE="5")
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 5
    settings = production_settings(
        DATABASE_URL="sqlite:////tmp/campaign.sqlite3", DB_CONN_MAX_AGE=""
    )
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 0


def test_prepared_statements_follow_db_prepare_threshold(production_settings, monkeypatch):
    """psycopg prepares the signature insert after five runs; off for a transaction pooler."""
    monkeypatch.delenv("DB_PREPARE_THRESHOLD", raising=False)
    url = "postgres://app@db.example.org:5432/campaign"
    settings = production_settings(DATABASE_URL=url)
    assert settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] == 5
    settings = production_settings(DATABASE_URL=url, DB_PREPARE_THRESHOLD="off")
    assert settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] is None
    settings = production_settings(DATABASE_URL=url, DB_PREPARE_THRESHOLD="0")
    assert settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] == 0
    settings = production_settings(DATABASE_URL="sqlite:////tmp/campaign.sqlite3")
    assert "prepare_threshold" not in settings.DATABASES["default"].get("OPTIONS", {})


def test_postgresql_connections_turn_jit_off(production_settings):
    """JIT compiling cost seconds on the cold menu query at 10,000 pages (benchmarks/growth.py)."""
    settings = production_settings(DATABASE_URL="postgres://app@db.example.org:5432/campaign")
    assert settings.DATABASES["default"]["OPTIONS"]["options"] == "-c jit=off"
    settings = production_settings(DATABASE_URL="sqlite:////tmp/campaign.sqlite3")
    assert "options" not in settings.DATABASES["default"].get("OPTIONS", {})

"""Wagtail's database search backend, with each language's own text search configuration on
PostgreSQL.

modelsearch's PostgreSQL backend takes one ``SEARCH_CONFIG`` for everything. Here each page
(or translatable snippet) is indexed with the configuration of its locale, and a query uses
the configuration of the active language, so German, Russian and English words are found in
any of their forms. PostgreSQL has no Ukrainian stemmer, so Ukrainian (and any language not
in ``CONFIGS``) uses 'simple': whole words, no stop words. On SQLite and other databases this
is modelsearch's own database backend (SQLite's FTS5), unchanged.

Configured as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backend"}}``;
``SEARCH_CONFIGS`` there overrides the table below.
"""

import copy
from collections import defaultdict

from django.db import connection
from django.utils import translation

CONFIGS = {"en": "english", "de": "german", "ru": "russian", "fr": "french", "es": "spanish"}
FALLBACK = "simple"


def SearchBackend(params):  # noqa: N802 (the name Wagtail's backend loader looks for)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)


def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LocaleQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for(translation.get_language())

    class LocaleIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = defaultdict(list)
            for obj in objs:
                locale = getattr(obj, "locale", None)
                groups[self.backend.config_for(getattr(locale, "language_code", None))].append(obj)
            for config, group in groups.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LocalePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocaleIndex
        query_compiler_class = LocaleQueryCompiler

        def __init__(self, params):
            super().__init__(params)
            self.configs = {**CONFIGS, **params.get("SEARCH_CONFIGS", {})}
            self.fallback = params.get("SEARCH_CONFIG") or FALLBACK

        def config_for(self, language_code):
            code = (language_code or "").split("-")[0]
            return self.configs.get(code, self.fallback)

        def with_config(self, config):
            """A copy of this backend that indexes with ``config``."""
            clone = copy.copy(self)
            clone.config = config
            return clone

    return LocalePostgresSearchBackend

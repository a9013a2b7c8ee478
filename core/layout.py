"""The host site's base template, with block names from settings.

The suite's public templates start with ``{% extends campaign_kit_layout %}`` and fill two
blocks of their own, ``ck_head`` (stylesheets, structured data) and ``ck_content``. The
context processor below gives them a small wrapper that extends the host's base template
(``CAMPAIGN_KIT_BASE_TEMPLATE``, default ``base.html``) and places those blocks in the host's
own block names (``CAMPAIGN_KIT_HEAD_BLOCK``, default ``extra_css``; ``CAMPAIGN_KIT_CONTENT_BLOCK``,
default ``content``: the names of a ``wagtail start`` project). Any other block the suite's
templates fill (``title``, ``body_class``) reaches the host's base unchanged, as usual in Django.
"""

import functools
import json

from django.template import Engine

from . import conf


def layout_settings():
    return conf.get("BASE_TEMPLATE"), conf.get("HEAD_BLOCK"), conf.get("CONTENT_BLOCK")


@functools.lru_cache(maxsize=8)
def _wrapper(base, head_block, content_block):
    # The names were checked (campaign_kit_core.E004): identifiers only, so nothing else can
    # reach the template source.
    source = (
        f"{{% extends {json.dumps(base)} %}}"
        f"{{% block {head_block} %}}{{{{ block.super }}}}{{% block ck_head %}}{{% endblock %}}"
        f"{{% endblock %}}"
        f"{{% block {content_block} %}}{{% block ck_content %}}{{% endblock %}}{{% endblock %}}"
    )
    return Engine.get_default().from_string(source)


def wrapper():
    """The compiled wrapper for the current settings."""
    return _wrapper(*layout_settings())


def layout(request):
    """Context processor: ``campaign_kit_layout`` for the suite's public templates."""
    return {"campaign_kit_layout": wrapper()}

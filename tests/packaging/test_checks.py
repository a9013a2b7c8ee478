"""The suite's system checks name what a host site misses, with a hint; the layout wrapper
puts the suite's blocks into the host's own block names."""

import copy

from django.conf import settings
from django.template import engines
from django.test import override_settings

from campaign_kit.core import checks, layout


def ids(problems):
    return [p.id for p in problems]


def test_the_reference_site_passes_every_check():
    problems = [
        *checks.check_forms(None),
        *checks.check_tasks(None),
        *checks.check_time_zone(None),
        *checks.check_layout(None),
    ]
    assert problems == []


@override_settings(CRISPY_TEMPLATE_PACK="tailwind")
def test_wrong_crispy_pack():
    (problem,) = checks.check_forms(None)
    assert problem.id == "campaign_kit_core.E001" and "bootstrap5" in problem.hint


def test_missing_or_dummy_task_backend():
    with override_settings(TASKS={}):
        assert ids(checks.check_tasks(None)) == ["campaign_kit_core.E002"]
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        assert ids(checks.check_tasks(None)) == ["campaign_kit_core.W001"]


@override_settings(USE_TZ=False)
def test_naive_datetimes():
    (problem,) = checks.check_time_zone(None)
    assert problem.id == "campaign_kit_core.E003" and "USE_TZ = True" in problem.hint


@override_settings(CAMPAIGN_KIT_CONTENT_BLOCK="main content", CAMPAIGN_KIT_BASE_TEMPLATE="no.html")
def test_bad_block_name_and_missing_base():
    assert ids(checks.check_layout(None)) == ["campaign_kit_core.E004", "campaign_kit_core.E006"]


def test_missing_context_processor():
    templates = copy.deepcopy(settings.TEMPLATES)
    processors = templates[0]["OPTIONS"]["context_processors"]
    processors.remove(checks.PROCESSOR)
    with override_settings(TEMPLATES=templates):
        (problem,) = checks.check_layout(None)
    assert problem.id == "campaign_kit_core.E005" and checks.PROCESSOR in problem.hint


def test_wrapper_fills_the_configured_blocks(tmp_path):
    (tmp_path / "layout.html").write_text(
        "<head>{% block styles %}base-css{% endblock %}</head>"
        "<main>{% block main %}{% endblock %}</main>{% block content %}unused{% endblock %}"
    )
    (tmp_path / "page.html").write_text(
        "{% extends campaign_kit_layout %}"
        "{% block ck_head %}<link>{% endblock %}{% block ck_content %}hello{% endblock %}"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    with override_settings(
        TEMPLATES=templates,
        CAMPAIGN_KIT_BASE_TEMPLATE="layout.html",
        CAMPAIGN_KIT_HEAD_BLOCK="styles",
        CAMPAIGN_KIT_CONTENT_BLOCK="main",
    ):
        html = engines["django"].get_template("page.html").render(layout.layout(None))
    assert html == "<head>base-css<link></head><main>hello</main>unused"

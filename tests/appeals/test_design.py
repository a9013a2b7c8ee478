"""The appeal page's design promises: the form right after the demand, charts drawn by the
site with a text alternative, and a share block that sends nothing before a click."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from campaign_kit.appeals.models import AppealCountryCount, Signature

pytestmark = pytest.mark.django_db


def _sign(appeal, n, country="DE", days_ago=0):
    now = timezone.now() - timedelta(days=days_ago)
    for i in range(n):
        Signature.objects.create(
            appeal_key=appeal.translation_key,
            kind="person",
            status="confirmed",
            name=f"Person {days_ago}-{i}",
            email_hash=f"{days_ago}-{i}-{country}",
            country=country,
            consent_version="1",
            confirmed_at=now,
        )
    AppealCountryCount.objects.update_or_create(
        appeal_key=appeal.translation_key, country=country, defaults={"people": n}
    )


def test_form_follows_the_demand_before_the_long_lists(client, appeal):
    html = client.get(appeal.url).content.decode()
    form = html.index('id="p"')
    assert html.index("<h1>") < form
    for later in ('id="charts-heading"', 'id="people-heading"', 'id="orgs-heading"'):
        if later in html:
            assert html.index(later) > form


def test_charts_are_inline_svg_with_a_text_alternative(client, appeal):
    _sign(appeal, 3, "DE", days_ago=2)
    _sign(appeal, 2, "PL", days_ago=0)
    html = client.get(appeal.url).content.decode()
    svg = re.search(r"<svg class=\"ck-chart\".*?</svg>", html, re.S).group(0)
    assert 'aria-hidden="true"' in svg and "<script" not in svg and "href" not in svg
    assert "5 people signed" in html  # the figure's caption says what the line shows
    tiles = html[html.index('class="ck-tiles"') :]
    assert "Germany" in tiles and "Poland" in tiles


def test_share_block_after_signing_sends_nothing_before_a_click(client, appeal):
    html = client.get(appeal.url + "sent/").content.decode()
    block = html[html.index("data-ck-share-block") :]
    block = block[: block.index("</section>")]
    assert "mailto:?subject=" in block
    assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver" in block
    assert "https://wa.me/?text=" in block
    assert block.count('rel="noopener noreferrer"') == 2 and "(opens another website)" in block
    assert "<img" not in html and "<iframe" not in html
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)

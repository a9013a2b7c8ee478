"""The blocks each app keeps for itself render through their own templates, escaped."""

import pytest

from campaign_kit.appeals.blocks import DemandsBlock, HeadingBlock
from campaign_kit.campaigns.blocks import TimelineBlock
from campaign_kit.events.blocks import ProgrammeBlock


def _render(block, value):
    return block.render(block.to_python(value))


def test_campaign_timeline_lists_milestones_with_machine_readable_dates():
    html = _render(
        TimelineBlock(),
        {
            "heading": "So far",
            "items": [
                {"date": "2025-03-01", "text": "Petition <delivered>"},
                {"date": "2025-06-12", "text": "Hearing in parliament"},
            ],
        },
    )
    assert '<section class="campaign-timeline">' in html and "<h2>So far</h2>" in html
    assert '<time datetime="2025-03-01">' in html and "Petition &lt;delivered&gt;" in html
    assert html.count("<li>") == 2


def test_event_programme_is_a_description_list():
    html = _render(
        ProgrammeBlock(),
        {"heading": "", "items": [{"time": "18:00", "description": "Doors & welcome"}]},
    )
    assert "<h2" not in html  # the heading is optional
    assert '<dt class="col-sm-3">18:00</dt>' in html and "Doors &amp; welcome" in html


@pytest.mark.parametrize(
    ("block", "value", "expected"),
    [
        (HeadingBlock(), "Our <demands>", "<h2>Our &lt;demands&gt;</h2>"),
        (
            DemandsBlock(),
            {"heading": "We ask", "items": ["Asylum", "No extradition"]},
            "<ol><li>Asylum</li><li>No extradition</li></ol>",
        ),
    ],
)
def test_appeal_blocks(block, value, expected):
    assert expected in _render(block, value)

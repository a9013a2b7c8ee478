"""Pictures of an appeal drawn by the server: signatures over time (inline SVG) and the
countries of the signatures as a tile grid. No script, no outside request; each has a text
alternative. The daily counts are cached for a few minutes, so the page's cost stays flat
however many people sign."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .models import AppealCountryCount, PaperCount, Signature, SignatureKind, SignatureStatus

CACHE_SECONDS = 300
WIDTH, HEIGHT = 640, 220
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 12, 16, 28
MAX_TILES = 24


def daily_counts(appeal_key):
    """``[(date, people confirmed that day)]`` online and on paper, oldest first (cached)."""
    key = f"campaign-kit:appeals:daily:{appeal_key}"
    rows = cache.get(key)
    if rows is None:
        days = {}
        online = (
            Signature.objects.filter(
                appeal_key=appeal_key,
                kind=SignatureKind.PERSON,
                status=SignatureStatus.CONFIRMED,
                confirmed_at__isnull=False,
            )
            .annotate(day=TruncDate("confirmed_at"))
            .values("day")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in online:
            days[row["day"]] = days.get(row["day"], 0) + row["n"]
        paper = (
            PaperCount.objects.filter(appeal_key=appeal_key)
            .annotate(day=TruncDate("created_at"))
            .values("day")
            .annotate(n=Sum("people"))
            .order_by()
        )
        for row in paper:
            days[row["day"]] = days.get(row["day"], 0) + (row["n"] or 0)
        rows = sorted(days.items())
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def cumulative(rows):
    """Running totals per day, with the days without signatures filled in."""
    if not rows:
        return []
    counts = dict(rows)
    day, last = rows[0][0], max(rows[-1][0], timezone.localdate())
    total, series = 0, []
    while day <= last:
        total += counts.get(day, 0)
        series.append((day, total))
        day += timedelta(days=1)
    return series


def timeline_svg(series, goal=None):
    """The running total as a line over an area, with the first and last day and the total."""
    if len(series) < 2:
        return None
    total = series[-1][1]
    # The goal line only once it is in sight: far away, it would flatten the curve.
    goal = goal if goal and total >= goal * 0.4 else None
    top = max(total, goal or 0, 1) * 1.1
    span_x = WIDTH - PAD_LEFT - PAD_RIGHT
    span_y = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(i):
        return PAD_LEFT + span_x * i / (len(series) - 1)

    def y(value):
        return PAD_TOP + span_y * (1 - value / top)

    points = " ".join(f"{x(i):.1f},{y(total):.1f}" for i, (_day, total) in enumerate(series))
    base = HEIGHT - PAD_BOTTOM
    area = f"{PAD_LEFT},{base} {points} {x(len(series) - 1):.1f},{base}"
    goal_line = ""
    if goal:
        goal_line = format_html(
            '<line class="ck-chart-axis" x1="{}" x2="{}" y1="{}" y2="{}" stroke-dasharray="6 4"/>'
            '<text x="{}" y="{}" text-anchor="end">{}</text>',
            PAD_LEFT,
            WIDTH - PAD_RIGHT,
            f"{y(goal):.1f}",
            f"{y(goal):.1f}",
            WIDTH - PAD_RIGHT,
            f"{y(goal) - 4:.1f}",
            _("Goal: %(goal)s") % {"goal": number_format(goal, force_grouping=True)},
        )
    first, last = series[0], series[-1]
    return format_html(
        '<svg class="ck-chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" '
        'focusable="false">'
        '<polygon class="ck-chart-area" points="{area}"/>'
        '<line class="ck-chart-axis" x1="{left}" x2="{right}" y1="{base}" y2="{base}"/>'
        "{goal}"
        '<polyline class="ck-chart-line" points="{points}"/>'
        '<text x="{left}" y="{label_y}">{first_day}</text>'
        '<text x="{right}" y="{label_y}" text-anchor="end">{last_day}</text>'
        '<text x="{total_x}" y="{total_y}" text-anchor="end">{total}</text>'
        "</svg>",
        w=WIDTH,
        h=HEIGHT,
        area=area,
        left=PAD_LEFT,
        right=WIDTH - PAD_RIGHT,
        base=base,
        goal=goal_line,
        points=points,
        label_y=HEIGHT - 8,
        first_day=date_format(first[0], "SHORT_DATE_FORMAT"),
        last_day=date_format(last[0], "SHORT_DATE_FORMAT"),
        total_x=PAD_LEFT - 6,
        total_y=f"{y(last[1]) + 4:.1f}",
        total=number_format(last[1], force_grouping=True),
    )


def timeline_summary(series):
    """The text alternative: the span, the total and the busiest day."""
    first, last = series[0], series[-1]
    previous, busiest = 0, (first[0], first[1])
    for day, total in series:
        if total - previous > busiest[1]:
            busiest = (day, total - previous)
        previous = total
    return _(
        "From %(first)s to %(last)s, %(total)s people signed; the most in one day were "
        "%(most)s on %(day)s."
    ) % {
        "first": date_format(first[0]),
        "last": date_format(last[0]),
        "total": number_format(last[1], force_grouping=True),
        "most": number_format(busiest[1], force_grouping=True),
        "day": date_format(busiest[0]),
    }


def country_tiles(appeal_key):
    """``[{"code", "name", "people", "organisations", "level"}]``: one tile per country with
    co-signing organisations or people, those with the most organisations first (``level``
    1 to 3 shades the tile by its share, an organisation weighing as ten people)."""
    rows = [
        row
        for row in AppealCountryCount.objects.filter(appeal_key=appeal_key)
        if row.people + row.paper_people + row.organisations
    ]
    rows.sort(key=lambda r: (-r.organisations, -(r.people + r.paper_people), r.country.name))
    rows = rows[:MAX_TILES]

    def weight(row):
        return row.people + row.paper_people + 10 * row.organisations

    top = max((weight(r) for r in rows), default=0) or 1
    tiles = []
    for row in rows:
        people = row.people + row.paper_people
        share = weight(row) / top
        tiles.append(
            {
                "code": row.country.code,
                "name": row.country.name,
                "people": people,
                "organisations": row.organisations,
                "level": 3 if share > 0.5 else 2 if share > 0.15 else 1,
            }
        )
    return tiles


def for_appeal(page):
    """Template context: ``chart`` ({"svg", "summary"} or None) and ``country_tiles``."""
    series = cumulative(daily_counts(page.translation_key))
    svg = timeline_svg(series, page.goal)
    chart = {"svg": svg, "summary": timeline_summary(series)} if svg else None
    return {"chart": chart, "country_tiles": country_tiles(page.translation_key)}

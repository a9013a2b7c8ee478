"""Read-only queries: open appeals for the home page, counts, public lists."""

import time

from campaign_kit.core.restrictions import restricted, unrestricted

from .models import (
    AppealCounter,
    AppealPage,
    AppealStatus,
    Moderation,
    Signature,
    SignatureKind,
    SignatureStatus,
)


def open_appeals(locale, limit=3, campaign=None):
    """Open appeals in `locale` (of one campaign, if given), newest first: the appeals section
    of home pages and campaign hubs (see apps.py)."""
    qs = AppealPage.objects.live().filter(unrestricted(), locale=locale, status=AppealStatus.OPEN)
    if campaign is not None:
        qs = qs.filter(campaign__translation_key=campaign.translation_key)
    return list(qs.order_by("-first_published_at")[:limit])


def appeal_counts(appeal_key):
    """The counter row (unsaved zeros when nobody signed yet): one indexed read."""
    return AppealCounter.objects.filter(appeal_key=appeal_key).first() or AppealCounter(
        appeal_key=appeal_key
    )


def public_organisations(appeal_key):
    return list(
        Signature.objects.filter(
            appeal_key=appeal_key,
            kind=SignatureKind.ORGANISATION,
            status=SignatureStatus.CONFIRMED,
            moderation=Moderation.APPROVED,
        )
        .only(
            "public_id",
            "organisation_name",
            "country",
            "website",
            "logo",
            "statement",
            "confirmed_at",
        )
        .order_by("country", "organisation_name")
    )


def organisations_by_country(appeal_key):
    groups = {}
    for org in public_organisations(appeal_key):
        groups.setdefault(org.country.name, []).append(org)
    return sorted(groups.items())


def public_people(appeal_key, offset=0, limit=50):
    """People who chose to be shown, newest first; fetches limit+1 rows to tell if there is more."""
    rows = list(
        Signature.objects.filter(
            appeal_key=appeal_key,
            kind=SignatureKind.PERSON,
            status=SignatureStatus.CONFIRMED,
            display__in=["initials", "full"],
        )
        .only("name", "display", "country", "city", "kind", "confirmed_at")
        .order_by("-confirmed_at", "-id")[offset : offset + limit + 1]
    )
    return rows[:limit], len(rows) > limit


def page_for_key(appeal_key, language_code=None):
    """The live appeal page in that language, else any live language version."""
    pages = list(
        AppealPage.objects.live().filter(translation_key=appeal_key).select_related("locale")
    )
    for page in pages:
        if page.locale.language_code == language_code:
            return page
    return pages[0] if pages else None


# Only what a signature POST needs: the open check, the counting key, the page's URL and
# whether a view restriction covers it (``core.access``; the ancestors only when one does).
POST_FIELDS = (
    "id",
    "path",
    "depth",
    "alias_of_id",
    "url_path",
    "translation_key",
    "status",
    "deadline",
    "allow_organisations",
)
# A surge posts to a handful of appeals: each process keeps them for a few seconds (as long
# as the cached appeal page that shows the form) instead of asking the database every time.
POST_CACHE_SECONDS = 5
_post_cache = {}


def appeal_for_post(page_id):
    """The live appeal with the fields a signature POST reads and its ``sent_url``, or None.

    Cached per process for POST_CACHE_SECONDS; saving or deleting an appeal or a view
    restriction clears it here (appeals/signals.py), other processes see the change within
    those seconds.
    """
    now = time.monotonic()
    hit = _post_cache.get(page_id)
    if hit is not None and hit[0] > now:
        return hit[1]
    page = (
        AppealPage.objects.live()
        .filter(pk=page_id)
        .only(*POST_FIELDS)
        .annotate(ck_restricted=restricted())
        .first()
    )
    if page is not None:  # unknown ids are not kept, so they cannot fill the memory
        # Where the POST redirects to, resolved once (page.url reads the site root paths).
        page.sent_url = page.url + page.reverse_subpage("sent")
        _post_cache[page_id] = (now + POST_CACHE_SECONDS, page)
    return page


def forget_post_cache():
    _post_cache.clear()


# Admin dashboard ---------------------------------------------------------------------------


def organisations_to_moderate():
    """Organisations that signed and wait for a moderator (the moderation queue)."""
    return Signature.objects.filter(
        kind=SignatureKind.ORGANISATION, moderation=Moderation.PENDING
    ).exclude(status__in=[SignatureStatus.WITHDRAWN, SignatureStatus.INVALIDATED])


def dashboard_appeals(limit=8, since=None):
    """Open appeals, one row per translation group (the page in the default language), named
    in the admin's language where a translation has it, with the counter's people and the
    signatures counted since `since` (local midnight by default): one query."""
    from django.conf import settings
    from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
    from django.db.models.functions import Coalesce
    from django.utils import timezone, translation

    if since is None:
        since = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    counter = AppealCounter.objects.filter(appeal_key=OuterRef("translation_key"))
    today = (
        Signature.objects.filter(
            appeal_key=OuterRef("translation_key"),
            status=SignatureStatus.CONFIRMED,
            confirmed_at__gte=since,
        )
        .filter(Q(kind=SignatureKind.PERSON) | Q(moderation=Moderation.APPROVED))  # counted
        .order_by()
        .values("appeal_key")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    in_language = AppealPage.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=translation.get_language(),
    ).values("title")[:1]
    zero = Value(0)
    return list(
        AppealPage.objects.filter(
            status=AppealStatus.OPEN,
            alias_of__isnull=True,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .annotate(
            ck_title=Coalesce(Subquery(in_language), "title"),
            ck_people=Coalesce(Subquery(counter.values("people")[:1]), zero),
            ck_paper=Coalesce(Subquery(counter.values("paper_people")[:1]), zero),
            ck_today=Coalesce(Subquery(today, output_field=IntegerField()), zero),
        )
        .only("pk", "title", "goal", "translation_key")
        .order_by("-first_published_at", "pk")[:limit]
    )

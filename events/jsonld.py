"""schema.org Event data for event pages, safe to embed in a <script> data block."""

from django.utils.html import strip_tags

from campaign_kit.core import links, structured

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "moved_online": "https://schema.org/EventMovedOnline",
}


def _iso(page, value):
    local = value.astimezone(page.tz)
    if page.all_day:
        return local.date().isoformat()
    return local.isoformat()


def event_jsonld(page, request=None, remaining=None):
    from .models import ATTENDANCE_MODES

    url = links.absolute_url(page, request)
    mode = "online" if page.status == "moved_online" else page.attendance_mode
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": strip_tags(page.summary),
        "startDate": _iso(page, page.start),
        "endDate": _iso(page, page.end),
        "eventStatus": STATUS.get(page.status, STATUS["scheduled"]),
        "eventAttendanceMode": ATTENDANCE_MODES[mode],
        "url": url,
        "inLanguage": page.locale.language_code,
    }
    images = structured.page_images(page, request)
    if images:
        data["image"] = images
    locations = []
    if mode in ("offline", "mixed") and (page.venue_name or page.city):
        address = {"@type": "PostalAddress"}
        for key, value in (
            ("streetAddress", page.street),
            ("postalCode", page.postcode),
            ("addressLocality", page.city),
            ("addressCountry", page.country.code if page.country else ""),
        ):
            if value:
                address[key] = value
        locations.append(
            {"@type": "Place", "name": page.venue_name or page.city, "address": address}
        )
    if mode in ("online", "mixed") and page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if page.organiser:
        organiser = {"@type": "Organization", "name": page.organiser}
        if page.organiser_url:
            organiser["url"] = page.organiser_url
        data["organizer"] = organiser
    # Every event is free; availability follows the remaining capacity.
    if page.is_cancelled:
        availability = "https://schema.org/Discontinued"
    elif page.registration_mode != "open" or remaining is None or remaining > 0:
        availability = "https://schema.org/InStock"
    elif page.waiting_list:
        availability = "https://schema.org/LimitedAvailability"
    else:
        availability = "https://schema.org/SoldOut"
    offer = {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "EUR",
        "availability": availability,
        "url": url,
    }
    if page.registration_opens_at:
        offer["validFrom"] = page.registration_opens_at.isoformat()
    data["offers"] = offer
    data["isAccessibleForFree"] = True
    return data

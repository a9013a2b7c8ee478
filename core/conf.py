"""The suite's settings: ``CAMPAIGN_KIT_<NAME>`` in the host's settings, else the default here.

One table for every app, so that the install guide documents them in one place and a
misspelt name fails loudly (``get`` raises ``KeyError`` for a name that is not listed).
"""

from django.conf import settings

DEFAULTS = {
    # Core
    "HASH_SALT": None,  # None: SECRET_KEY
    "PRIVACY_VERSION": "1",
    "CLIENT_IP_HEADER": "REMOTE_ADDR",
    "TRUSTED_PROXY_HOPS": 1,
    "CONTACT_SETTINGS": "campaign_kit_core.ContactSettings",
    "CAMPAIGN_PAGE_TYPES": ["campaign_kit_campaigns.CampaignPage"],
    "STAFF_EMAIL": "",
    "ORGANISATION_NAME": "",
    "BASE_TEMPLATE": "base.html",
    "CONTENT_BLOCK": "content",
    "HEAD_BLOCK": "extra_css",
    "BASE_URL": None,  # None: WAGTAILADMIN_BASE_URL (see core/links.py)
    # Events
    "EVENTS_REGISTRATION_RATE": "10/h",  # per event and client address
    "EVENTS_REGISTRATION_ADDRESS_RATE": "60/h",  # per client address, all events together
    "EVENTS_RETENTION_DAYS": 30,
    "EVENTS_UPCOMING_PER_PAGE": 20,
    "EVENTS_DEFAULT_TIME_ZONE": "Europe/Berlin",
    # Hours before an event's start when `send_event_reminders` (run from cron) reminds each
    # confirmed registrant: a number greater than 0.
    "EVENTS_REMINDER_HOURS": 24,
    # The right-hand side of every calendar UID (<translation key>@<domain>). Never derived
    # from the Site's host name: renaming the Site would duplicate subscribed events.
    "CALENDAR_UID_DOMAIN": "campaign-kit",
    # Subscribable calendar feeds: events that ended at most this many days ago, start within
    # this many days (about 18 months), and at most this many of them (the earliest first).
    "EVENTS_FEED_PAST_DAYS": 30,
    "EVENTS_FEED_FUTURE_DAYS": 548,
    "EVENTS_FEED_MAX_EVENTS": 500,
    # Appeals
    "APPEAL_SIGN_RATE": "10/h",
    "APPEAL_RETENTION_DAYS": 180,
    "APPEAL_MIN_FILL_SECONDS": 3,
    "APPEAL_MAILS_PER_ADDRESS": 3,
    "APPEAL_CONFIRM_DAYS": 7,
    # Campaigns, news and materials
    "ORDER_RETENTION_DAYS": 30,
    "FEED_SIZE": 50,
    # XLSX exports built in the background (core/prepared.py): kept this many hours, in the
    # storage named "campaign_kit_exports" in STORAGES, else in this directory (never public).
    "EXPORT_RETENTION_HOURS": 24,
    "EXPORTS_DIR": None,  # None: campaign-kit-exports in the system's temporary directory
    # Finished rows of the database task queue (django-tasks-db) are deleted this many days
    # after they ran: their arguments are ids and address hashes, and a failed one can be
    # retried (`retry_failed_tasks`) until then.
    "TASK_RETENTION_DAYS": 14,
    "MATERIAL_LANGUAGES": None,  # None: LANGUAGES
}


def get(name):
    """The value of ``CAMPAIGN_KIT_<name>``, else its default."""
    default = DEFAULTS[name]
    return getattr(settings, f"CAMPAIGN_KIT_{name}", default)


def hash_salt():
    return str(get("HASH_SALT") or settings.SECRET_KEY)


def privacy_version():
    """The version of the privacy notice a person agreed to, stored with each record."""
    return str(get("PRIVACY_VERSION"))

# ruff: noqa
"""Names vulture cannot see being used: read by Django, Wagtail or templates, never by Python.

Reviewed by hand (2026-12): every name here is used, and the comment says by what. Framework
conventions that hold for every app (Meta options, panels, admin viewset options, hook and
template-tag functions) are ignored by pattern in pyproject's [tool.vulture]
instead. When vulture reports a new name, delete the code if it is dead; add it here only with
the reason it is not.
"""

# AppConfig subclasses: named in INSTALLED_APPS / found by Django's app loading.
AppealsConfig, CampaignsConfig, CoreConfig, EventsConfig, HomeConfig, CampaignSiteConfig

# Middleware, context processors, error views and rate-limit view: named by dotted path in
# settings (MIDDLEWARE, TEMPLATES, handler404/500, RATELIMIT_VIEW).
(
    PathScopedCSPMiddleware,
    ResourcePolicyMiddleware,
    PublicFormCsrfMiddleware,
    AnonymousPageCacheMiddleware,
)
ServiceUnavailableMiddleware, PoUploadCheckMiddleware, AdminLoginThrottleMiddleware
layout, rate_limited, page_not_found

# System checks: registered with @register(...) through a call vulture does not follow.
check_forms, check_tasks, check_time_zone, check_layout, check_reminder_hours

# Django tasks enqueued by name (appeals/services.py: _enqueue("send_moderation_result", ...)).
send_moderation_result, notify_staff_organisation

# Framework overrides: Wagtail's permission policy, ModelViewSet views (header buttons, the
# SpreadsheetExportMixin writers), sitemap, crispy forms,
# Django's CSRF exemption flag set per request by PublicFormCsrfMiddleware.
users_with_any_permission, save_instance, get_queryset, edit_handler, base_form_class
header_buttons, write_csv_response, write_xlsx_response
# Wagtail Panel.BoundPanel's template and PreviewableMixin's hook (core/models.py MailText).
template_name, get_preview_template
_urls, latest_lastmod, form_tag, disable_csrf, _dont_enforce_csrf_checks
abstract, frac_prec, prefetched_renditions, adding, db, returning_fields, is_staff, is_superuser

# StreamField / StructBlock children: read by Wagtail from the class.
paragraph, demands, rich_text, document_link, press_mention, timeline, programme
outlet, headline, attribution, caption, button_label

# Form fields: declared on the class, read by Django's form metaclass and the templates.
homepage, consent, newsletter, statement

# Model fields read by the ORM, the admin (list_display / export strings) or templates only;
# also written by services for the record (timestamps of a state change).
index_signatories, thank_you, email_domain, consent_version, moderated_at, created_at
withdrawn_at, anonymised_at, note, added_by, image_alt, donations_as_of, donation_sources
donate_label, preview_image, orderable, material_key, order_intro, content_object
status_changed_at, shipped_at, personal_data_purged_at, privacy_policy_page, starts_at
ends_at, promoted_at, cancelled_at, checked_in_at, hero_title, hero_text, hero_image_alt
hero_link_page, hero_link_label, featured_campaign, cta_page, site_name, finished_at
sent_by, reminder_sent_at

# Choices members reached through the enum (stored values, admin filters).
PACKED, NONE

# Methods and properties read from templates (or admin columns named by string).
bound_quantities, get_download_url, addressee_list, initiator_list, progress
donation_goal_display, donation_percent, file_type, file_size, left, percent
translation_fields
total_copies, items_summary


# Admin dashboard components (core/dashboard.py): Wagtail's Component renders template_name.
# Translation report cells (core/translation_status.py): links read by its template.
template_name, edit_url, translate_url, sync_url

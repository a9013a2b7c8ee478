"""Write to everyone registered for one event: form, preview with the count, then send."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from campaign_kit.core import links

from . import emails, mailings, services
from .message_forms import MessageForm
from .models import EventPool, Registration
from .permissions import registrations_required

TEMPLATE = "campaign_kit_events/admin/message_form.html"
LANGUAGES = dict(settings.LANGUAGES)


@require_http_methods(["GET", "POST"])
@registrations_required
def write_to_registrants(request, pool_id):
    pool = get_object_or_404(EventPool, pk=pool_id)
    page = services.event_page(pool.event_key)
    language = page.locale.language_code if page else translation.get_language()
    form = MessageForm(request.POST or None, language=language)
    context = {"pool": pool, "form": form, "sent": pool.messages.select_related("sent_by")[:20]}
    action = request.POST.get("action")
    if request.method == "GET" or action == "edit":
        return TemplateResponse(request, TEMPLATE, context)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, context, status=400)
    audience = form.cleaned_data["audience"]
    by_language = mailings.recipients_by_language(pool, audience)
    count = sum(by_language.values())
    try:
        if page is None:
            raise mailings.MailingError(_("The event's page no longer exists; nothing was sent."))
        if count == 0:
            raise mailings.MailingError(
                _("Nobody in this group is registered for the event; nothing was sent.")
            )
        if action == "send":
            message = mailings.send_message(
                pool,
                audience=audience,
                language=language,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                translations=form.translations(),
                user=request.user,
                expected=_expected(request),
            )
            messages.success(
                request,
                ngettext(
                    "The message is queued for %(n)d person.",
                    "The message is queued for %(n)d people.",
                    message.recipient_count,
                )
                % {"n": message.recipient_count},
            )
            return redirect("events_manage", pool_id=pool.pk)
    except mailings.MailingError as exc:
        form.add_error(None, exc.message)
        return TemplateResponse(request, TEMPLATE, context, status=400)
    context.update(
        count=count,
        previews=_previews(page, form, by_language),
        manage_url=reverse("events_manage", args=[pool.pk]),
    )
    return TemplateResponse(request, "campaign_kit_events/admin/message_preview.html", context)


def _expected(request):
    try:
        return int(request.POST.get("expected", ""))
    except ValueError:
        return -1  # no preview seen: send_message refuses and the preview is shown again


def _previews(page, form, by_language):
    """One sample mail per language among the recipients, rendered as it will be sent but with
    an example name and link instead of a person's."""
    data = form.cleaned_data
    translations = form.translations()
    previews = []
    for language, n in sorted(by_language.items()):
        version = translations.get(language, {"subject": data["subject"], "body": data["body"]})
        shown = services.event_page(page.translation_key, language)
        with translation.override(language):
            context = {
                "registration": Registration(name="Alex", places=1, language=language),
                "title": shown.title,
                "event_url": links.absolute_url(shown),
                "link": "https://…",
                "when": shown.when_display,
                "where": shown.location_text,
                **version,
            }
            subject, text, _html = emails.render_mail("message", context)
        name = get_language_info(language)["name_local"] if language in LANGUAGES else language
        previews.append({"language": name, "count": n, "subject": subject, "text": text})
    return previews

"""Actions that change or remove data ask first: one confirmation page for all of them.

It works without JavaScript: the GET (or a first POST) only shows what will happen, the form
on the page posts again with ``confirm=yes`` and only that acts.
"""

from django.template.response import TemplateResponse

CONFIRM_TEMPLATE = "campaign_kit/admin/confirm.html"


def confirmation(request, *, title, question, action_label, cancel_url, **extra):
    """The confirmation page of an admin action (``extra``: details, hidden, destructive,
    error; ``status``, 200 unless an error is shown)."""
    status = extra.pop("status", 200)
    context = {
        "title": title,
        "question": question,
        "action_label": action_label,
        "cancel_url": cancel_url,
        **extra,
    }
    return TemplateResponse(request, CONFIRM_TEMPLATE, context, status=status)


def confirmed(request):
    """Whether this request is the POST sent from the confirmation page."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"

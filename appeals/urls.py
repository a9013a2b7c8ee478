from django.urls import path

from campaign_kit.core import converters  # noqa: F401 - registers <id:...>

from . import views

app_name = "campaign_kit_appeals"

urlpatterns = [
    # Signing posts here, not to the page's own routes: no page routing before the view.
    path("appeals/-/<id:page_id>/sign/", views.post_person, name="sign"),
    path("appeals/-/<id:page_id>/co-sign/", views.post_organisation, name="cosign"),
    path("appeals/-/signature/<str:token>/confirm/", views.confirm, name="confirm"),
    path("appeals/-/signature/<str:token>/withdraw/", views.withdraw, name="withdraw"),
]

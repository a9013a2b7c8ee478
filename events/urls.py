from django.urls import path

from campaign_kit.core import converters  # noqa: F401 - registers <id:...>

from . import views

app_name = "campaign_kit_events"

urlpatterns = [
    # Registration posts here, not to the page's own route: no page routing before the view.
    path("events/-/<id:page_id>/register/", views.post_registration, name="register"),
    path("events/-/<id:page_id>/registered/<str:token>/", views.registered, name="registered"),
    path("events/-/registration/<str:token>/", views.registration_detail, name="registration"),
]

from django.urls import path

from . import views

app_name = "campaign_kit_events"

urlpatterns = [
    # Registration posts here, not to the page's own route: no page routing before the view.
    path("events/-/<int:page_id>/register/", views.post_registration, name="register"),
    path("events/-/<int:page_id>/registered/<str:token>/", views.registered, name="registered"),
    path("events/-/registration/<str:token>/", views.registration_detail, name="registration"),
]

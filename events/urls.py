from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/-/registration/<str:token>/", views.registration_detail, name="registration"),
]

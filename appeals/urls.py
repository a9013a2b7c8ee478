from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    path("appeals/-/signature/<str:token>/confirm/", views.confirm, name="confirm"),
    path("appeals/-/signature/<str:token>/withdraw/", views.withdraw, name="withdraw"),
]

from django.urls import path

from . import views

app_name = "campaign_kit_campaigns"

urlpatterns = [
    path(
        "campaigns/-/materials/<int:pk>/download/",
        views.material_download,
        name="material_download",
    ),
]

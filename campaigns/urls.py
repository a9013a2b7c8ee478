from django.urls import path

from campaign_kit.core import converters  # noqa: F401 - registers <id:...>

from . import views

app_name = "campaign_kit_campaigns"

urlpatterns = [
    path(
        "campaigns/-/materials/<id:pk>/download/",
        views.material_download,
        name="material_download",
    ),
]

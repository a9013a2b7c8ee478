from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path(
        "campaigns/-/materials/<int:pk>/download/",
        views.material_download,
        name="material_download",
    ),
]

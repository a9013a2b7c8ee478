from django.urls import path
from wagtail import hooks

from . import localize


@hooks.register("register_admin_urls", order=-10)
def register_localize_overrides():
    # Same URL as wagtail-localize's PO upload, registered first so this safer view
    # answers (the translation editor posts to reverse("wagtail_localize:upload_pofile")).
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            localize.upload_pofile,
            name="campaign_kit_upload_pofile",
        )
    ]

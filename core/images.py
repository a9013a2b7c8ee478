"""Renditions for code outside templates (structured data, the site's logo)."""


def rendition_or_none(image, spec):
    """``image``'s rendition for ``spec``, or None when its file is missing or unreadable (a
    database restored without its media): the caller leaves the image out, as Wagtail's image
    tags show a missing image instead of failing the page."""
    try:
        return image.get_rendition(spec)
    except (OSError, ValueError):  # SourceImageIOError is an OSError
        return None

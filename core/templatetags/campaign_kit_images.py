"""The suite's one image policy: ``{% responsive_image %}``.

Every template that shows an uploaded image renders it through this tag, so each ``<img>``
gets the same treatment: a ``srcset`` of the renditions the layout asks for with its
``sizes``, the base rendition's ``width``/``height`` (no layout shift), ``decoding="async"``,
``loading="lazy"`` unless it is the page's largest image above the fold (``priority=True``:
``fetchpriority="high"`` instead), and contextual alt text. Built on Wagtail's public
rendition API (``get_renditions_or_not_found``, ``ResponsiveImage``), the same pieces its
``{% srcset_image %}`` tag uses; that tag itself cannot take the policy as a default.
"""

from django import template
from wagtail.images.models import Filter, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()


@register.simple_tag
def responsive_image(image, spec, *, sizes, alt=None, priority=False, **attrs):
    """``spec``: Wagtail filter specs with brace expansion, e.g. ``"fill-{480x270,960x540}"``.

    ``alt``: the field's own alt text; an empty string marks the image decorative. Left out,
    an ImageBlock value's contextual alt text is used (empty when the editor marked it
    decorative); never the image's title, which describes the file, not what it shows here.
    """
    if not image:
        return ""
    if alt is None:
        alt = getattr(image, "contextual_alt_text", None) or ""
    renditions = get_renditions_or_not_found(image, Filter.expand_spec(spec))
    policy = {"alt": alt, "decoding": "async"}
    if len(renditions) > 1:
        policy["sizes"] = sizes  # only valid beside a srcset, which one rendition does not get
    if priority:
        policy["fetchpriority"] = "high"
    else:
        policy["loading"] = "lazy"
    return ResponsiveImage(renditions, {**attrs, **policy}).__html__()

"""schema.org NewsArticle data for news pages."""

import json

from django.utils.safestring import mark_safe

from campaign_kit.core import links

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def dumps(data):
    """JSON safe to put inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))


def news_article_jsonld(page, request, tags=None):
    url = links.absolute_url(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": url,
        "url": url,
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.author:
        data["author"] = {"@type": "Organization", "name": page.author}
    if page.image_id:
        rendition = page.image.get_rendition("fill-1200x675")
        data["image"] = [request.build_absolute_uri(rendition.url)]
    keywords = [tag.name for tag in (page.tags.all() if tags is None else tags)]
    if keywords:
        data["keywords"] = keywords
    return dumps(data)

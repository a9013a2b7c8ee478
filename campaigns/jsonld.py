"""schema.org NewsArticle data for news pages."""

from datetime import datetime, time

from django.utils import timezone

from campaign_kit.core import links, structured


def _published_at(page):
    """The article's date as a date-time: the first publication when it fell on that day,
    else the start of the day in the site's time zone (the date is what the editor set)."""
    first = page.first_published_at
    if first is not None and timezone.localdate(first) == page.date:
        return timezone.localtime(first)
    return datetime.combine(page.date, time.min, tzinfo=timezone.get_current_timezone())


def news_article_jsonld(page, request, tags=None):
    url = links.absolute_url(page, request)
    publisher = structured.organization(request)
    published = _published_at(page)
    modified = max(page.last_published_at or published, published)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": published.isoformat(),
        "dateModified": timezone.localtime(modified).isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": url,
        "url": url,
        "publisher": publisher,
        # A byline without an address of its own is credited at the publisher's site.
        "author": {
            "@type": "Organization",
            "name": page.author or publisher["name"],
            "url": publisher["url"],
        },
    }
    images = structured.page_images(page, request)
    if images:
        data["image"] = images
    keywords = [tag.name for tag in (page.tags.all() if tags is None else tags)]
    if keywords:
        data["keywords"] = keywords
    return structured.dumps(data)

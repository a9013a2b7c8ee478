"""RSS 2.0 and Atom feeds of news: per news index (one language) and per campaign."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from campaign_kit.core import conf

from . import selectors


def feed_size():
    return conf.get("FEED_SIZE")


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, *, title, description, link, items, language, atom=False):
        super().__init__()
        self._title = title
        self._description = description
        self._link = link
        self._items = items
        self.language = language
        if atom:
            self.feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=900"
        return response

    def title(self):
        return self._title

    def link(self):
        return self._link

    def description(self):
        return self._description

    def subtitle(self):
        return self._description

    def items(self):
        return self._items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


def index_feed(request, index_page, atom):
    items = list(selectors.news_pages(index_page.locale).descendant_of(index_page)[: feed_size()])
    feed = NewsFeed(
        title=index_page.title,
        description=index_page.intro or index_page.title,
        link=index_page.get_url(request),
        items=items,
        language=index_page.locale.language_code,
        atom=atom,
    )
    return feed(request)


def campaign_feed(request, campaign, atom):
    items = list(selectors.news_for_campaign(campaign)[: feed_size()])
    feed = NewsFeed(
        title=_("News: %(campaign)s") % {"campaign": campaign.title},
        description=campaign.intro or campaign.title,
        link=campaign.get_url(request),
        items=items,
        language=campaign.locale.language_code,
        atom=atom,
    )
    return feed(request)

"""RSS and Atom feeds of published announcements, one per language (the URL's prefix)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .selectors import announcement_list_published


class AnnouncementsRssFeed(Feed):
    def title(self) -> str:
        from django.conf import settings

        return _("News from %(agency)s") % {"agency": settings.PORTAL_AGENCY_NAME}

    def link(self) -> str:
        return reverse("announcements:list")

    def description(self) -> str:
        return _("Updates, requests for help and good news from the police department.")

    def items(self):
        return announcement_list_published()[:50]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display(), *(topic.name for topic in item.topics.all())]


class AnnouncementsAtomFeed(AnnouncementsRssFeed):
    feed_type = Atom1Feed
    subtitle = AnnouncementsRssFeed.description

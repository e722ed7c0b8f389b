import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sscportal.bilingual import shown

from .models import Resource

FEED_LENGTH = 20


class ResourceFeed(Feed):
    """Published resources, newest first, in the language of the URL."""

    feed_type = Atom1Feed
    title = _("Resources on South-South cooperation")
    subtitle = _("Reports, publications, podcasts and campaign materials, newest first.")

    def link(self):
        return reverse("resources:resource_list")

    @property
    def language(self):
        return get_language()

    def items(self):
        return Resource.objects.published().in_public_order()[:FEED_LENGTH]

    def item_title(self, item):
        return shown(item, "title").text

    def item_description(self, item):
        return shown(item, "summary").text

    def item_pubdate(self, item):
        day = item.published_on or item.created_at.date()
        return datetime.datetime.combine(day, datetime.time(12), datetime.UTC)

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"tag:sscportal,2026:resource:{item.slug}:{get_language()}"

    def item_guid_is_permalink(self, item):
        return False

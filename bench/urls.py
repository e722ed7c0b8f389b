"""The site's URLs plus two yardsticks: /bench/trivial, which every page is measured
against, and /en/bench/empty-page, the site's page frame (base.html) with nothing in it:
the least any rendered page costs."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path
from django.views.generic import TemplateView

from front.urls import *  # noqa: F403
from front.urls import urlpatterns as site_urlpatterns
from sscportal.caching.pages import never_page_cached


# The yardstick: what Django costs with no page, not even the page cache's lookup.
@never_page_cached
def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial", trivial),
    *i18n_patterns(
        path(
            # Named, as every page of the site is: its alternate-language links are
            # reversed, not resolved again from the path.
            "bench/empty-page",
            TemplateView.as_view(template_name="base.html"),
            name="bench-empty-page",
        )
    ),
    *site_urlpatterns,
]

"""The site's URLs (ROOT_URLCONF): every reader page, feed and calendar, by family,
and the answers for machines (health, robots.txt, sitemaps, metrics).

Every view is in front/; no content app has URLs of its own."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from sscportal.caching.pages import with_query_parameters

from . import (
    alerts,
    data,
    health,
    home,
    initiatives,
    media,
    organizations,
    pages,
    people,
    resources,
    search,
)
from .countries import regions
from .countries import views as countries
from .events import calendar
from .events import feeds as event_feeds
from .events import views as events
from .iati import views as iati
from .opendata import downloads
from .sitemaps import index as sitemap_index
from .sitemaps import sitemaps
from .statements import feeds as statement_feeds
from .statements import views as statements

# Built once the content types are registered (this module is imported after).
SITEMAPS = sitemaps()

media_patterns = [
    path("documents/<int:pk>/<str:name>", media.document, name="document"),
    path("images/<int:pk>/<str:name>", media.image, name="image"),
    path("images/<int:pk>/<int:width>w/<str:name>", media.image, name="image_rendition"),
]

urlpatterns = [
    # Browsers ask for /favicon.ico whatever the page links; the icon is a static file.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/icon.svg"))),
    path("healthz", health.healthz, name="healthz"),
    # For Prometheus; answers only METRICS_ALLOW or METRICS_TOKEN, 404 to anyone else.
    path("metrics", health.metrics, name="metrics"),
    path("robots.txt", health.robots_txt, name="robots_txt"),
    # The full dumps, in every language at once (docs/OPEN_DATA.md).
    re_path(r"^data/(?P<name>sscportal-[a-z]+\.(?:json\.gz|zip))$", data.dump, name="dump"),
    # An index of sitemaps, a section split into pages of BilingualSitemap.limit
    # URLs: one file of every page would break the protocol's 50,000 URLs and
    # take seconds to build at 100,000 initiatives.
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        with_query_parameters(sitemap_views.sitemap, "p"),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # The read-only JSON API (docs/API.md): language-neutral, every text in both languages.
    path("api/v1/", include("front.api.urls")),
    # IATI 2.03 XML (docs/OPEN_DATA.md), language-neutral like the API: the
    # published initiatives with the list's filters, and the organizations.
    path("iati/activities.xml", iati.activities, name="iati_activities"),
    path("iati/organisations.xml", iati.organisations, name="iati_organisations"),
    # The media library's files, language-neutral, each checked before it is
    # answered (front/media.py): never served straight from storage.
    path("media/", include((media_patterns, "media"))),
]


def list_download(name):
    """/{lang}/<list>/download.csv and .xlsx: every row of list `name` with its filters."""
    return re_path(
        r"^download\.(?P<format>csv|xlsx)$",
        downloads.download,
        {"list_name": name},
        name="download",
    )


# Each family's pages, in the namespace its templates and code reverse
# ("initiatives:initiative_detail"); the views are in front/<family>.

initiative_patterns = [
    path("", initiatives.InitiativeListView.as_view(), name="initiative_list"),
    list_download("initiatives"),
    # Before <slug>/, which would take "feed" for an initiative.
    path("feed/", initiatives.InitiativeFeed(), name="feed"),
    path("<slug:slug>/", initiatives.InitiativeDetailView.as_view(), name="initiative_detail"),
]

country_patterns = [
    path("", countries.CountryListView.as_view(), name="country_list"),
    list_download("countries"),
    # Before <code>/: these words are not country codes.
    path("regions/<str:code>/", regions.RegionDetailView.as_view(), name="region_detail"),
    path("groups/<slug:code>/", regions.GroupDetailView.as_view(), name="group_detail"),
    path("<str:code>/", countries.CountryDetailView.as_view(), name="country_detail"),
    # Beside the page it follows, as an event's .ics is beside the event.
    path("<str:iso2>.ics", calendar.country_ics, name="country_calendar"),
]

# The Days (observances) and their events, with their calendars.
event_patterns = [
    path("", events.ObservanceListView.as_view(), name="observance_list"),
    path("calendar.ics", calendar.calendar_ics, name="calendar"),
    list_download("events"),
    path("feed/", event_feeds.EventFeed(), name="feed"),
    path("<int:year>.ics", calendar.observance_ics, name="observance_calendar"),
    path("<int:year>/<slug:slug>.ics", calendar.event_ics, name="event_ics"),
    path("<int:year>/", with_query_parameters(events.year_page, "page"), name="observance_detail"),
    path("<int:year>/<slug:slug>/", events.EventDetailView.as_view(), name="event_detail"),
]

statement_patterns = [
    path("", statements.StatementListView.as_view(), name="statement_list"),
    list_download("statements"),
    # Before <slug>/, which would take "feed" for a statement.
    path("feed/", statement_feeds.StatementFeed(), name="feed"),
    path("<slug:slug>/", statements.StatementDetailView.as_view(), name="statement_detail"),
    path(
        "<slug:slug>/side-by-side/",
        statements.StatementSideBySideView.as_view(),
        name="statement_side_by_side",
    ),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<format>json|bib|ris)$",
        statements.StatementCitationView.as_view(),
        name="statement_citation",
    ),
]

resource_patterns = [
    path("", resources.ResourceListView.as_view(), name="resource_list"),
    list_download("resources"),
    # Before <slug>/, as for statements.
    path("feed/", resources.ResourceFeed(), name="feed"),
    path("<slug:slug>/", resources.ResourceDetailView.as_view(), name="resource_detail"),
]

organization_patterns = [
    path("", organizations.OrganizationListView.as_view(), name="organization_list"),
    list_download("organizations"),
    path(
        "<slug:key>/",
        organizations.OrganizationDetailView.as_view(),
        name="organization_detail",
    ),
    path("<slug:key>.ics", calendar.organization_ics, name="organization_calendar"),
]

# A person's page; people have no index: they are reached from what they said.
people_patterns = [
    path("<slug:key>/", people.PersonDetailView.as_view(), name="person_detail"),
]

# The site's own pages (about the Day, accessibility...).
page_patterns = [
    path("<slug:slug>/", pages.PageDetailView.as_view(), name="page_detail"),
]

# E-mail alerts (front/alerts.py): subscribe to what a page follows, then the
# signed links of the mails. No account, and none of these is page-cached.
alert_patterns = [
    # Never page-cached; its parameters are declared for the robustness tests' sake.
    path("", with_query_parameters(alerts.subscribe, "follow", "filters"), name="subscribe"),
    path("check-your-email/", alerts.check_email, name="check_email"),
    path("confirm/<str:token>/", alerts.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", alerts.unsubscribe, name="unsubscribe"),
]

# Every public page exists under /en/ and /ar/; the bare "/" is answered by
# LocaleMiddleware with a redirect chosen from Accept-Language.
urlpatterns += i18n_patterns(
    path("", home.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("data/", data.DataView.as_view(), name="data"),
    path("initiatives/", include((initiative_patterns, "initiatives"))),
    path("countries/", include((country_patterns, "countries"))),
    path("events/", include((event_patterns, "events"))),
    path("statements/", include((statement_patterns, "statements"))),
    path("resources/", include((resource_patterns, "resources"))),
    path("organizations/", include((organization_patterns, "organizations"))),
    path("people/", include((people_patterns, "people"))),
    path("pages/", include((page_patterns, "pages"))),
    path("alerts/", include((alert_patterns, "alerts"))),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "sscportal.operations.errors.page_not_found"
handler400 = "sscportal.operations.errors.bad_request"
handler403 = "sscportal.operations.errors.permission_denied"
handler500 = "sscportal.operations.errors.server_error"

"""The site's URLs (ROOT_URLCONF): the content apps' pages and the pages across them."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from events import urls as events_urls
from initiatives import urls as initiatives_urls

from . import countries, health, home, initiatives, observances, organizations, regions, search
from .sitemaps import index as sitemap_index
from .sitemaps import sitemaps

# Built once the content types are registered (this module is imported after).
SITEMAPS = sitemaps()

urlpatterns = [
    # Browsers ask for /favicon.ico whatever the page links; the icon is a static file.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/icon.svg"))),
    path("healthz", health.healthz, name="healthz"),
    path("robots.txt", health.robots_txt, name="robots_txt"),
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
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

country_patterns = [
    path("", countries.CountryListView.as_view(), name="country_list"),
    # Before <code>/: these words are not country codes.
    path("regions/<str:code>/", regions.RegionDetailView.as_view(), name="region_detail"),
    path("groups/<slug:code>/", regions.GroupDetailView.as_view(), name="group_detail"),
    path("<str:code>/", countries.CountryDetailView.as_view(), name="country_detail"),
]

# An initiative's page shows statements that mention it: the same arrangement.
initiative_patterns = [
    *initiatives_urls.urlpatterns,
    path("<slug:slug>/", initiatives.InitiativeDetailView.as_view(), name="initiative_detail"),
]

organization_patterns = [
    path("", organizations.OrganizationListView.as_view(), name="organization_list"),
    path(
        "<slug:key>/",
        organizations.OrganizationDetailView.as_view(),
        name="organization_detail",
    ),
]

# A Day's page and an event's page bring in statements, so they live here but
# keep their addresses, and their names, in the events app's namespace.
event_patterns = [
    *events_urls.urlpatterns,
    path("<int:year>/", observances.ObservanceDetailView.as_view(), name="observance_detail"),
    path("<int:year>/<slug:slug>/", observances.EventDetailView.as_view(), name="event_detail"),
]

# Every public page exists under /en/ and /ar/; the bare "/" is answered by
# LocaleMiddleware with a redirect chosen from Accept-Language.
urlpatterns += i18n_patterns(
    path("", home.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("initiatives/", include((initiative_patterns, initiatives_urls.app_name))),
    path("countries/", include((country_patterns, "countries"))),
    path("events/", include((event_patterns, events_urls.app_name))),
    path("statements/", include("statements.urls")),
    path("resources/", include("resources.urls")),
    path("organizations/", include((organization_patterns, "organizations"))),
    path("pages/", include("pages.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "sscportal.errors.page_not_found"
handler400 = "sscportal.errors.bad_request"
handler403 = "sscportal.errors.permission_denied"
handler500 = "sscportal.errors.server_error"

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from . import search_views, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico whatever the page links; the icon is a static file.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/icon.svg"))),
    # An index of sitemaps, a section split into pages of BilingualSitemap.limit
    # URLs: one file of every page would break the protocol's 50,000 URLs and
    # take seconds to build at 100,000 initiatives.
    path(
        "sitemap.xml",
        sitemap_views.index,
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

# Every public page exists under /en/ and /ar/; the bare "/" is answered by
# LocaleMiddleware with a redirect chosen from Accept-Language.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("search/", search_views.SearchView.as_view(), name="search"),
    path("initiatives/", include("initiatives.urls")),
    path("countries/", include("sscportal.country_urls")),
    path("events/", include("events.urls")),
    path("statements/", include("statements.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "sscportal.errors.page_not_found"
handler400 = "sscportal.errors.bad_request"
handler403 = "sscportal.errors.permission_denied"
handler500 = "sscportal.errors.server_error"

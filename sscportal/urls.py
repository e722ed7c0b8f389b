from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import search_views, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
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

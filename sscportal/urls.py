from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# Every public page exists under /en/ and /ar/; the bare "/" is answered by
# LocaleMiddleware with a redirect chosen from Accept-Language.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("initiatives/", include("initiatives.urls")),
    path("countries/", include("initiatives.country_urls")),
    path("events/", include("events.urls")),
    path("statements/", include("statements.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

"""/api/v1/: included by front/urls.py, outside the language prefixes."""

from django.urls import path, re_path

from . import views
from .endpoints import ENDPOINTS

app_name = "api"

urlpatterns = []
for endpoint in ENDPOINTS:
    urlpatterns += [
        path(
            f"{endpoint.name}/",
            views.ItemList.as_view(endpoint=endpoint),
            name=f"{endpoint.name}_list",
        ),
        path(
            f"{endpoint.name}/<str:key>/",
            views.ItemDetail.as_view(endpoint=endpoint),
            name=f"{endpoint.name}_detail",
        ),
    ]
urlpatterns += [
    path("changes/", views.Changes.as_view(), name="changes"),
    path("openapi.json", views.Document.as_view(), name="openapi"),
    path("docs/", views.Docs.as_view(), name="docs"),
]
# Last: an address ending in "/" that is none of the above (without the slash,
# Django first redirects to it, as everywhere on the site).
urlpatterns.append(re_path(r"^.*/$", views.Unknown.as_view()))

from django.urls import path, re_path

from . import feeds, views

app_name = "statements"

urlpatterns = [
    path("", views.StatementListView.as_view(), name="statement_list"),
    path("feed/", feeds.StatementFeed(), name="feed"),
    path("<slug:slug>/", views.StatementDetailView.as_view(), name="statement_detail"),
    path(
        "<slug:slug>/side-by-side/",
        views.StatementSideBySideView.as_view(),
        name="statement_side_by_side",
    ),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<format>json|bib|ris)$",
        views.StatementCitationView.as_view(),
        name="statement_citation",
    ),
]

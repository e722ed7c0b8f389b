from django.urls import path

from . import feeds, views

app_name = "statements"

urlpatterns = [
    path("", views.StatementListView.as_view(), name="statement_list"),
    path("feed/", feeds.StatementFeed(), name="feed"),
    path("<slug:slug>/", views.StatementDetailView.as_view(), name="statement_detail"),
]

from django.urls import path

from . import feeds, views

app_name = "resources"

urlpatterns = [
    path("", views.ResourceListView.as_view(), name="resource_list"),
    path("feed/", feeds.ResourceFeed(), name="feed"),
    path("<slug:slug>/", views.ResourceDetailView.as_view(), name="resource_detail"),
]

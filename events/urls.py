from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.ObservanceListView.as_view(), name="observance_list"),
    path("<int:year>/", views.ObservanceDetailView.as_view(), name="observance_detail"),
    path("<int:year>/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]

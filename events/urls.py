from django.urls import path

from . import calendar, views

app_name = "events"

urlpatterns = [
    path("", views.ObservanceListView.as_view(), name="observance_list"),
    path("calendar.ics", calendar.calendar_ics, name="calendar"),
    path("<int:year>/", views.ObservanceDetailView.as_view(), name="observance_detail"),
    path("<int:year>/<slug:slug>.ics", calendar.event_ics, name="event_ics"),
    path("<int:year>/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]

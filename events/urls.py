from django.urls import path

from . import calendar, views

app_name = "events"

# The pages of one Day (/events/<year>/) and of one event bring in other apps'
# content (statements); they live in front/ and join this namespace there.
urlpatterns = [
    path("", views.ObservanceListView.as_view(), name="observance_list"),
    path("calendar.ics", calendar.calendar_ics, name="calendar"),
    path("<int:year>/<slug:slug>.ics", calendar.event_ics, name="event_ics"),
]

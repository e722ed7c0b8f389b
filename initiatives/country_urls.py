from django.urls import path

from . import views

# Countries live under their own prefix but share the app's namespace.
app_name = "countries"

urlpatterns = [
    path("", views.CountryListView.as_view(), name="country_list"),
    path("<str:code>/", views.CountryDetailView.as_view(), name="country_detail"),
]

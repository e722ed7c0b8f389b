from django.urls import path

from . import country_views

app_name = "countries"

urlpatterns = [
    path("", country_views.CountryListView.as_view(), name="country_list"),
    path("<str:code>/", country_views.CountryDetailView.as_view(), name="country_detail"),
]

from django.urls import path

from . import views

app_name = "initiatives"

# The detail page shows statements too, so it lives in front/initiatives.py.

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="initiative_list"),
]

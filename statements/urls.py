from django.urls import path

from . import views

app_name = "statements"

urlpatterns = [
    path("", views.StatementListView.as_view(), name="statement_list"),
    path("<slug:slug>/", views.StatementDetailView.as_view(), name="statement_detail"),
]

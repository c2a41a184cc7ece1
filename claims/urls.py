"""Public pages and exports of the claims app."""

from django.urls import path

from . import views

urlpatterns = [
    path("stories/<slug:slug>/claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("stories/<slug:slug>/export/timeline.json", views.export_timeline, name="export_timeline"),
    path("stories/<slug:slug>/export/<str:table_name>.csv", views.export_csv, name="export_csv"),
]

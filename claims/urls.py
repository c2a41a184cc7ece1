"""Public pages and exports of the claims app."""

from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("stories/<slug:slug>/", views.story_timeline, name="story_timeline"),
    path("stories/<slug:slug>/matrix/", views.story_matrix, name="story_matrix"),
    path("stories/<slug:slug>/spread/", views.story_spread, name="story_spread"),
    path("stories/<slug:slug>/updates/", views.story_updates, name="story_updates"),
    path("stories/<slug:slug>/articles/<int:pk>/", views.article_reader, name="article_reader"),
    path(
        "stories/<slug:slug>/articles/<int:pk>/versions/<int:number>/archive.html",
        views.article_archive,
        name="article_archive",
    ),
    path("stories/<slug:slug>/sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("stories/<slug:slug>/claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("stories/<slug:slug>/export/timeline.json", views.export_timeline, name="export_timeline"),
    path("stories/<slug:slug>/export/<str:table_name>.csv", views.export_csv, name="export_csv"),
]

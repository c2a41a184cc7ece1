"""Public pages of the articles app."""

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.story_list, name="story_list"),
]

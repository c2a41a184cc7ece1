"""Public pages of stories and their articles."""

from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import Story


@require_safe
def story_list(request):
    stories = Story.objects.annotate(article_count=Count("articles")).order_by("title")
    return render(request, "articles/story_list.html", {"stories": stories})

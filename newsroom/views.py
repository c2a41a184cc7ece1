"""The site's own pages outside the apps: the favicon and the error pages."""

import re

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from articles.models import Story


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to: send them to the SVG."""
    return HttpResponseRedirect(static("favicon.svg"))


# What get_object_or_404 says, and the word a reader knows each model by.
MODEL_NOT_FOUND = re.compile(r"No (\w+) matches the given query\.")
MODEL_NOUNS = {"Article": "article", "Source": "outlet", "Claim": "claim"}
MAX_PATH_SHOWN = 200


def page_not_found(request, exception):
    """The site's 404 page, saying in plain words what is not there: never the exception
    itself, only the word for its model, the address and the story's own title."""
    match = request.resolver_match
    context = {"missing": f"There is no page at {request.path[:MAX_PATH_SHOWN]}."}
    # Every page of the claims app is one story's, named by its slug.
    if match and match.app_name == "claims":
        slug, pk = match.kwargs["slug"], match.kwargs.get("pk")
        context["story"] = story = Story.objects.filter(slug=slug).first()
        found = MODEL_NOT_FOUND.fullmatch(str(exception))
        noun = MODEL_NOUNS.get(found[1]) if found else None
        if story is None:
            url = reverse("claims:story_timeline", kwargs={"slug": slug})
            context["missing"] = f"There is no story at {url}."
        elif noun and pk is not None:
            context["missing"] = f"There is no {noun} {pk} in this story."
    return render(request, "404.html", context, status=404)


def bad_request(request, exception):
    """The site's 400 page for a request Django refused (a bad host, too many fields): the
    reason may be sensitive, so the page does not repeat it."""
    return render(None, "400.html", status=400)

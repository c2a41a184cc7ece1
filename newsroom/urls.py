"""URL routes of the whole site: the admin, each app's pages, the favicon and the error pages."""

from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "newsroom: editors' desk"
admin.site.site_title = "newsroom"
admin.site.index_title = "Stories, claims and their evidence"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    path("", include("articles.urls")),
    path("", include("claims.urls")),
]

handler404 = views.page_not_found
handler400 = views.bad_request

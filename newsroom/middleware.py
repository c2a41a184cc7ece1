"""Security headers Django does not set itself: a Content-Security-Policy without inline code."""

from django.conf import settings


def content_security_policy(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response

    return middleware

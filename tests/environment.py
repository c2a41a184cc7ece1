"""Environment of the test run, set before Django reads its settings."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# The test client and live server speak plain HTTP.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_SECURE_HSTS_SECONDS", "0")
# Tests of the queue pick its backend themselves; the others expect work done when asked.
os.environ.setdefault("NEWSROOM_TASKS", "immediate")

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

from archive.serving.bounds import bound_web_requests  # noqa: E402 (needs the settings configured above)

bound_web_requests()

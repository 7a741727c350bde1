"""Every public URL, plus the minimal page the reader pages are measured against."""

from django.urls import path

from archive.benchmarks import views
from archive.urls import urlpatterns as site_patterns

urlpatterns = [
    path("benchmark/minimal/<int:size>/", views.minimal, name="benchmark_minimal"),
    *site_patterns,
]

"""Every public URL, plus the minimal page the reader pages are measured against."""

from django.urls import path

from archive.urls import urlpatterns as site_patterns
from benchmarks import views

urlpatterns = [
    path("benchmark/minimal/<int:size>/", views.minimal, name="benchmark_minimal"),
    *site_patterns,
]

from django.contrib import admin
from django.urls import include, path, register_converter

from archive import converters, views

register_converter(converters.FourDigitYear, "yyyy")
register_converter(converters.TwoDigits, "mm")

archive_patterns = [
    path("", views.home, name="home"),
    path("articles/<yyyy:year>/<mm:month>/<mm:day>/<slug:slug>/", views.article_detail, name="article_detail"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((archive_patterns, "archive"))),
]

from django import template

from archive.admin.permissions import may_import

register = template.Library()

register.filter("may_import", may_import)

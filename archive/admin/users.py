"""Accounts and groups: only superusers manage them, whatever permissions a staff member holds.

Whoever can edit accounts can grant themselves every right, so this is not left to the permission table.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group


class SuperusersOnly:
    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class AccountAdmin(SuperusersOnly, UserAdmin):
    """Django's user admin, for superusers only."""


class AccountGroupAdmin(SuperusersOnly, GroupAdmin):
    """Django's group admin, for superusers only."""


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), AccountAdmin)
admin.site.unregister(Group)
admin.site.register(Group, AccountGroupAdmin)

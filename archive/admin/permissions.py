"""Who may import pages: an import adds and changes articles and keeps each file it read."""

IMPORT = ("archive.add_article", "archive.change_article", "archive.add_sourcefile")


def may_import(user):
    return user.has_perms(IMPORT)


class Recorded:
    """An admin of what the archive records itself (the import history, the jobs): read, never added, changed or
    deleted by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

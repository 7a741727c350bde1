"""Who may import pages: an import adds and changes articles and keeps each file it read."""

IMPORT = ("archive.add_article", "archive.change_article", "archive.add_sourcefile")


def may_import(user):
    return user.has_perms(IMPORT)

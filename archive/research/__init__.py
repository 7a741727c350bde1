"""What researchers use beyond the pages: each subpackage serves or writes the archive in one outside format."""

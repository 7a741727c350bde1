"""A WARC of the site: every public page and static file, fetched in process exactly as the site serves it.

`pages` lists what to fetch, `fetch` asks the site for it through its WSGI handler, `writer` writes the request and
response records and the CDXJ index beside them.
"""

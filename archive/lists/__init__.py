"""What a request asks of a list of articles: its parameters validated once, the page, the canonical address, and
the index's filters. Below both the pages that show lists and the serving that redirects to their one address."""

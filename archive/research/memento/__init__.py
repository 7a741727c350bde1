"""Every state of an article at its own address, with Memento (RFC 7089): version pages, a comparison of two,
a TimeGate that answers Accept-Datetime and a TimeMap in link-format and JSON.

`links` writes the Link headers and the TimeMap, `diff` compares two texts word by word, `views` serves them.
"""

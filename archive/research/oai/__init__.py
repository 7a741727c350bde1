"""An OAI-PMH 2.0 data provider: every article as an `oai_dc` record, persons and topics as sets.

`arguments` checks a request's arguments, `verbs` answers the six verbs, `records` writes headers and metadata,
`datestamps` says when each record last changed, `sets` and `tokens` select and resume lists, `envelope` wraps
every answer in the protocol's response, and `views` serves it at /oai/ by GET and POST.
"""

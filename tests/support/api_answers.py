"""How the API tests read an answer: its status, its JSON media type and its body."""

import json

BASE = "http://testserver"
MALFORMED = "Some parameters are malformed; nothing was looked up."


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] in {"application/json; charset=utf-8", "application/json"}
    return json.loads(response.content)

import json

import pytest


@pytest.fixture(autouse=True)
def no_rate_limit_unless_told(settings):
    # A test makes many requests from one address in a second; the limit has its own tests.
    settings.API_RATE = "0"


class Api:
    """The test client, reading the API's JSON."""

    def __init__(self, client):
        self.client = client

    def get(self, path, data=None, **headers):
        return self.client.get(path, data, **headers)

    def json(self, path, data=None, status=200, **headers):
        response = self.get(path, data, **headers)
        assert response.status_code == status, response.content[:500]
        return json.loads(response.content)

    def all(self, path, data=None):
        """Every item of a list, following `next`."""
        page = self.json(path, {**(data or {}), "page_size": 100})
        items = page["results"]
        while page["next"]:
            page = self.json(page["next"].removeprefix("http://testserver"))
            items += page["results"]
        return items


@pytest.fixture
def api(client):
    return Api(client)

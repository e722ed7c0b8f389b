"""Browsers ask for /favicon.ico on their own; it leads to the site's icon."""

from django.contrib.staticfiles import finders
from django.templatetags.static import static


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == static("img/icon.svg")
    assert finders.find("img/icon.svg")

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The library files public_urls.py makes for the media routes, in a folder of
    the test's own rather than the checkout's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

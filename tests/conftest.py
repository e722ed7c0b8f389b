import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Countries are reference data every page relies on, loaded the way
    # `make run` loads them.
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture(autouse=True)
def site_url(settings):
    # Absolute URLs come from SITE_URL; the test client's host is "testserver".
    settings.SITE_URL = "http://testserver"
    return settings.SITE_URL


@pytest.fixture(autouse=True)
def empty_page_cache():
    # Each test has its own data (rolled back after): cached pages must not leak.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_unless_told_otherwise():
    # A request through LocaleMiddleware leaves its language active in the
    # thread; start every test from the site's default.
    with translation.override("en"):
        yield


@pytest.fixture
def arabic():
    with translation.override("ar"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def demo_content(db):
    call_command("import_content", "demo/content.json", verbosity=0)

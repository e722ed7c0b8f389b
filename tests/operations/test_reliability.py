"""A database outage answers 503 with a friendly page; error pages in both languages."""

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

from front import urls as site
from statements.models import StatementQuerySet

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused: the server is down")

    monkeypatch.setattr(StatementQuerySet, "published", refuse)
    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)


@pytest.mark.parametrize(
    ("language", "text"), [("en", "temporarily unavailable"), ("ar", "غير متاح مؤقتاً")]
)
def test_pages_answer_503_while_the_database_is_down(client, database_down, language, text):
    response = client.get(f"/{language}/statements/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.text
    assert f'<html lang="{language}"' in response.text


def test_healthz_reports_the_database_down(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Page not found"), ("ar", "الصفحة غير موجودة")]
)
def test_404_page_in_both_languages(client, language, title):
    response = client.get(f"/{language}/statements/nothing-here/")
    assert response.status_code == 404
    assert title in response.text
    assert 'content="noindex"' in response.text


def _boom(request):
    raise RuntimeError("boom")


def _denied(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


def _bad(request):
    from django.core.exceptions import SuspiciousOperation

    raise SuspiciousOperation("bad")


# The site's own URLs and error handlers, plus three views that fail on purpose.
urlpatterns = [
    path("boom/", _boom),
    path("denied/", _denied),
    path("bad/", _bad),
    *site.urlpatterns,
]
handler400 = site.handler400
handler403 = site.handler403
handler500 = site.handler500


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(
    ("url", "status", "english", "arabic"),
    [
        ("/boom/", 500, "Something went wrong on our side", "حدث خطأ من جهتنا"),
        ("/denied/", 403, "Access denied", "الوصول مرفوض"),
        ("/bad/", 400, "Bad request", "طلب غير صالح"),
    ],
)
def test_error_pages_in_both_languages(client, url, status, english, arabic):
    client.raise_request_exception = False
    response = client.get(url, headers={"accept-language": "en"})
    assert response.status_code == status
    assert english in response.text
    arabic_response = client.get(url, headers={"accept-language": "ar"})
    assert arabic in arabic_response.text

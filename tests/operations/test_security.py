"""Headers, content security policy, login throttling, inert XSS, deploy checks."""

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User

from .. import factories

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "<svg onload=alert(1)>",
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">x</p>',
    '<iframe src="https://evil.example/"></iframe>',
    '"><script>alert(1)</script>',
]


def own_deferred_script(attrs):
    """<script src="/static/js/....js" defer>: a file of the site's own, no inline code
    (the event page's reader-time.js)."""
    attributes = dict(attrs)
    return (
        set(attributes) == {"src", "defer"}
        and re.fullmatch(r"/static/js/[\w.-]+\.js", attributes["src"] or "") is not None
    )


class ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts, frames, handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and own_deferred_script(attrs):
            return  # the site's own file, as the CSP allows (script-src 'self')
        if tag in {"script", "iframe", "svg", "object", "embed"}:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag}[{name}]")
            if name in {"href", "src"} and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{name}=javascript:]")


def assert_inert(html):
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    parser = ActiveContent()
    parser.feed(main)
    assert parser.found == []


def test_page_headers_carry_the_policy(client):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_headers_carry_the_same_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/ar/admin/statements/statement/add/")
    assert response.status_code == 200
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Permissions-Policy" in response


def test_production_settings_pass_check_deploy():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "sscportal.settings_production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "ssc.example.org",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "SITE_URL": "https://ssc.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="sscportal.settings_production", ALLOWED_HOSTS="x")
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_are_hardened(monkeypatch):
    import importlib

    monkeypatch.setenv("SECRET_KEY", "y" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "ssc.example.org")
    monkeypatch.setenv("DATABASE_URL", "postgres://a@b/c")
    monkeypatch.setenv("SITE_URL", "https://ssc.example.org")
    production = importlib.reload(importlib.import_module("sscportal.settings_production"))
    assert production.DEBUG is False
    assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_SSL_REDIRECT


def login(client, password):
    return client.post(
        "/en/admin/login/?next=/en/admin/",
        {"username": "editor", "password": password, "next": "/en/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


def test_the_sixth_wrong_password_is_refused(client):
    User.objects.create_user("editor", password="the right password here", is_staff=True)
    for _attempt in range(4):
        response = login(client, "wrong")
        assert response.status_code == 200  # the form again, with an error
    # The fifth failure uses up the allowance and says so ...
    assert login(client, "wrong").status_code == 429
    # ... and the sixth is refused without being checked.
    response = login(client, "wrong")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.text
    # Locked: even the right password is refused until the cool-off ends.
    assert login(client, "the right password here").status_code == 429


def test_a_right_password_after_a_few_mistakes_works(client):
    User.objects.create_user("editor", password="the right password here", is_staff=True)
    for _attempt in range(3):
        login(client, "wrong")
    assert login(client, "the right password here").status_code == 302


@pytest.mark.parametrize("payload", XSS)
def test_xss_in_every_rich_text_field_comes_out_inert(client, payload):
    initiative = factories.InitiativeFactory(description_en=payload, description_ar=payload)
    event = factories.EventFactory(description_en=payload, description_ar=payload)
    statement = factories.StatementFactory(body_en=payload, body_ar=payload)
    for item in (initiative, event, statement):
        for language in ("en", "ar"):
            url = item.get_absolute_url().replace("/en/", f"/{language}/", 1)
            response = client.get(url)
            assert response.status_code == 200
            assert_inert(response.text)


@pytest.mark.parametrize("payload", XSS)
def test_xss_in_plain_text_fields_is_escaped(client, payload):
    statement = factories.StatementFactory(title_en=payload, speaker_en=payload)
    html = client.get(statement.get_absolute_url()).text
    assert_inert(html)
    assert "&lt;" in html


@pytest.mark.parametrize("payload", XSS)
@pytest.mark.parametrize(
    "parameter", ["q", "country", "sdg", "year", "modality", "page", "region", "sort"]
)
def test_xss_in_query_parameters_comes_out_inert(client, payload, parameter):
    response = client.get("/ar/initiatives/", {parameter: payload})
    assert response.status_code == 200
    assert_inert(response.text)
    statements = client.get("/en/statements/", {parameter: payload, "organization": payload})
    assert statements.status_code == 200
    assert_inert(statements.text)

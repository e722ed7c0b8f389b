"""Behind a reverse proxy, sign-in throttling counts the client, not the proxy (issue 12, item 4).

Without django-ipware, axes ignores AXES_IPWARE_PROXY_COUNT and records the
proxy's own address: five wrong passwords from anyone lock the account for
everyone behind the proxy. And an address the client writes itself into
X-Forwarded-For must not count.
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import override_settings

from sscportal.configuration.env import client_address_settings

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ATTACKER = "203.0.113.7"
EDITOR = "198.51.100.23"


def login(client, password, forwarded_for, remote_addr=PROXY):
    return client.post(
        "/en/admin/login/?next=/en/admin/",
        {"username": "editor", "password": password, "next": "/en/admin/"},
        REMOTE_ADDR=remote_addr,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def editor(db):
    User.objects.create_user("editor", password="the right password here", is_staff=True)


@override_settings(**client_address_settings(1))
def test_the_client_address_from_x_forwarded_for_is_recorded_and_locked(client, editor):
    for _attempt in range(5):
        login(client, "wrong", ATTACKER)
    assert login(client, "wrong", ATTACKER).status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]
    # The editor, behind the same proxy, still signs in.
    assert login(client, "the right password here", EDITOR).status_code == 302


@override_settings(**client_address_settings(1))
def test_an_address_the_client_made_up_is_not_the_one_counted(client, editor):
    # The proxy appends the address it saw; what the client sent stays on the left.
    for _attempt in range(6):
        login(client, "wrong", f"{EDITOR}, {ATTACKER}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert login(client, "the right password here", EDITOR).status_code == 302


@override_settings(**client_address_settings(2))
def test_behind_two_proxies_the_address_the_first_one_saw_counts(client, editor):
    login(client, "wrong", f"1.1.1.1, {ATTACKER}, 10.0.0.9")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]


@override_settings(**client_address_settings(0))
def test_without_a_proxy_x_forwarded_for_is_ignored(client, editor):
    login(client, "wrong", EDITOR, remote_addr=ATTACKER)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]


def test_ipware_is_installed_for_axes():
    from axes import helpers

    assert helpers.IPWARE_INSTALLED

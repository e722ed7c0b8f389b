"""The shipped nginx site (deploy/nginx/sscportal.conf) in front of gunicorn
(deploy/gunicorn.conf.py) and the production settings, on loopback.

The checks are bench/nginx_drill.py's (`make nginx-drill` also measures with
wrk); here they run against one stack per module: a scratch database on the
test database's server, a redis-server, gunicorn and nginx of their own, all
stopped afterwards. About 100 s, most of it waiting out a page's max-age.
"""

import subprocess

import pytest
from django.db import connection

from bench import nginx_drill
from bench.postgres_programs import database_url

MISSING = nginx_drill.missing("nginx", "openssl", "redis-server")
# django_db: the scratch database goes on the test database's server.
pytestmark = [pytest.mark.skipif(bool(MISSING), reason="; ".join(MISSING)), pytest.mark.django_db]


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        server = database_url(connection.settings_dict, "postgres")
    with (
        nginx_drill.scratch_database(server) as url,
        nginx_drill.Stack(url, tmp_path_factory.mktemp("nginx")) as stack,
    ):
        yield stack


def test_nginx_accepts_the_shipped_site(tmp_path):
    cert, key = nginx_drill.self_signed_certificate(tmp_path)
    conf = nginx_drill.write_nginx_conf(
        tmp_path,
        http_port=8080,
        https_port=8443,
        upstream="127.0.0.1:8000",
        static_root=tmp_path / "static",
        cert=cert,
        key=key,
    )

    result = subprocess.run(nginx_drill.nginx_command(conf, "-t"), capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_test_copy_is_the_shipped_file_with_only_addresses_and_paths_changed():
    shipped = nginx_drill.SITE_CONF.read_text()
    options = dict(
        http_port=1, https_port=2, upstream="u:3", static_root="/s", folder="/f", cert="c", key="k"
    )
    rendered = nginx_drill.render_site_conf(shipped, **options).splitlines()
    directives = [line for line in shipped.splitlines() if not line.lstrip().startswith("#")]

    changed = {
        ours.split()[0] for ours, test in zip(directives, rendered, strict=True) if ours != test
    }
    assert changed == {
        "listen", "server", "proxy_cache_path", "alias", "ssl_certificate",
        "ssl_certificate_key", "access_log", "error_log", "root",
    }  # fmt: skip
    # A directive the harness fills in, changed in the shipped file, stops it.
    with pytest.raises(ValueError, match="listen 443 ssl http2"):
        nginx_drill.render_site_conf(shipped.replace("443 ssl", "443 ssl reuseport"), **options)


def check(result):
    assert result.pop("ok"), result


def test_an_anonymous_page_is_served_from_nginx_the_second_time(stack):
    check(nginx_drill.check_anonymous_page_is_cached(stack))


def test_an_editor_goes_past_the_cache_and_private_pages_are_never_kept(stack):
    check(nginx_drill.check_editor_bypasses_the_cache(stack))


def test_fingerprinted_static_files_are_immutable_for_a_year(stack):
    check(nginx_drill.check_static_files(stack))


def test_plain_http_is_redirected_to_https(stack):
    check(nginx_drill.check_http_redirects_to_https(stack))


def test_metrics_are_not_served_through_nginx(stack):
    check(nginx_drill.check_metrics_stay_inside(stack))


def test_downloads_pass_through_with_the_proxys_headers(stack):
    check(nginx_drill.check_downloads_pass_through(stack))


def test_the_request_id_nginx_sends_is_in_gunicorns_access_line(stack):
    check(nginx_drill.check_request_id_reaches_the_site(stack))


def test_gunicorn_logs_requests_on_stdout_and_its_own_messages_on_stderr(stack):
    check(nginx_drill.check_gunicorn_log_streams(stack))


def test_gunicorn_answers_on_its_control_socket_and_empties_the_metrics_folder_at_start(
    stack,
):
    check(nginx_drill.check_runtime_folder(stack))


def test_a_graceful_reload_replaces_the_workers_without_a_failed_request(stack):
    check(nginx_drill.check_reload_drops_no_request(stack))


def test_an_admin_edit_reaches_readers_once_the_max_age_is_over(stack):
    started = nginx_drill.start_edit_check(stack)
    check(nginx_drill.finish_edit_check(stack, started))

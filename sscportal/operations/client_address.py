"""The address a request came from, as django-axes reads it.

Behind AXES_IPWARE_PROXY_COUNT proxies the client is the address the nearest
proxy appended to X-Forwarded-For (django-ipware's reading, which axes uses
for its lockouts). A proxy always adds that header (nginx's
$proxy_add_x_forwarded_for is never empty): a request without it came
straight to the server, from its peer.
"""


def client_address(request):
    """The client's address as a string, or None when there is none to read."""
    # Imported here: axes.helpers loads axes' models, and modules importing this
    # one (the page cache, through metrics) must not need the app registry.
    from axes.helpers import get_client_ip_address

    if "HTTP_X_FORWARDED_FOR" in request.META:
        return get_client_ip_address(request)
    return request.META.get("REMOTE_ADDR")

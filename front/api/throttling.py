"""The API's rate limit: API_RATE requests (e.g. 120/minute) per client address.

A fixed window counted in the shared cache (one `add` and one `incr` a
request, atomic in Redis), through sscportal.caching.shared: while the cache
does not answer nothing is counted and every request goes through. The
address is the one django-axes reads behind the configured proxies; an IPv6
client is counted by its /64, the block one subscriber is usually given.
"""

import ipaddress
import math
import time

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from sscportal.caching import shared
from sscportal.configuration.env import parse_rate
from sscportal.operations.client_address import client_address


def client_key(request):
    """Who is counted: the client's address (IPv6: its /64 network)."""
    raw = client_address(request) or ""
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:64] or "unknown"
    address = getattr(address, "ipv4_mapped", None) or address
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class ClientRate(BaseThrottle):
    def allow_request(self, request, view):
        rate = parse_rate(settings.API_RATE)
        if rate is None:
            return True
        limit, period = rate
        now = time.time()
        window = int(now // period)
        self.retry_after = max(1, math.ceil((window + 1) * period - now))
        # Not a versioned key: a content change must not start the counts afresh.
        name = f"sscportal:api-rate:{period}:{window}:{client_key(request)}"
        shared.call("add", name, 0, period + 1)
        try:
            count = shared.call("incr", name)
        except ValueError:  # expired between add and incr: a new window
            return True
        return count is None or count <= limit

    def wait(self):
        return self.retry_after

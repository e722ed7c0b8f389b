"""The container's health check: exit 0 when gunicorn's /healthz answers 200.

/healthz answers 200 while the database answers, even when the cache does
not ("status": "degraded": pages still render, front/health.py says why), and
503 when the database does not. The site refuses a Host outside
ALLOWED_HOSTS, so the check asks as the first name listed there.
"""

import os
import sys
import urllib.error
import urllib.request


def healthz_request():
    bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")[0].strip()
    if bind.startswith(("unix:", "fd://")):
        raise SystemExit(f"healthcheck.py: cannot ask gunicorn on {bind}; bind it to an address")
    address, _, port = bind.rpartition(":")
    if address in ("", "0.0.0.0", "[::]"):
        address = "127.0.0.1"
    names = [name.strip().lstrip(".") for name in os.environ.get("ALLOWED_HOSTS", "").split(",")]
    host = next((name for name in names if name and name != "*"), "localhost")
    return urllib.request.Request(f"http://{address}:{port}/healthz", headers={"Host": host})


def main():
    try:
        with urllib.request.urlopen(healthz_request(), timeout=4) as response:
            print(response.read().decode())
            return 0
    except urllib.error.HTTPError as error:
        print(f"/healthz answered {error.code}: {error.read().decode(errors='replace')}")
    except OSError as error:
        print(f"/healthz did not answer: {error}")
    return 1


if __name__ == "__main__":
    sys.exit(main())

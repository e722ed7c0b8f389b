"""A WSGI application whose one response streams for longer than gunicorn's
worker timeout (tests/operations/test_long_downloads.py): a whole-list
download at 100,000 rows does the same for about two minutes."""

import os
import time


def application(environ, start_response):
    seconds = float(os.environ.get("STREAM_SECONDS", "4"))
    start_response("200 OK", [("Content-Type", "text/plain")])

    def chunks():
        deadline = time.monotonic() + seconds
        count = 0
        while time.monotonic() < deadline:
            count += 1
            yield f"row {count}\n".encode()
            time.sleep(0.2)
        yield b"end\n"

    return chunks()

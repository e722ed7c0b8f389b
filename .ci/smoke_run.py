"""The README's first command as a newcomer runs it, then Ctrl-C.

Runs `make run` on a free port (no DATABASE_URL: the embedded PostgreSQL),
waits until /en/ and /ar/ answer 200 with the demo content, says how long
the first page took, then stops it as a person would (SIGINT to the whole
process group) and checks that it stopped and freed its port. Exits 1 on any
failure, printing make's output. Standard library only.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

# What the demo content puts on each home page.
EXPECTED = {
    "/en/": "Climate-smart agriculture in Africa",
    "/ar/": "الزراعة الذكية مناخياً في أفريقيا",
}
FIRST_PAGE_WITHIN = 600  # seconds: a fresh clone installs the virtualenv first
STOP_WITHIN = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return None, ""


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def main():
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    with tempfile.TemporaryFile("w+") as log:
        started = time.monotonic()
        make = subprocess.Popen(
            ["make", "--no-print-directory", "run", f"PORT={port}"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            failure = wait_for_pages(make, port, started)
            if failure is None:
                failure = stop(make, port)
        finally:
            if make.poll() is None:
                os.killpg(make.pid, signal.SIGKILL)
                make.wait()
        if failure:
            log.seek(0)
            print(log.read()[-6000:], file=sys.stderr)
            print(f"smoke run: {failure}", file=sys.stderr)
            return 1
    return 0


def wait_for_pages(make, port, started):
    base = f"http://127.0.0.1:{port}"
    while time.monotonic() - started < FIRST_PAGE_WITHIN:
        if make.poll() is not None:
            return f"make run exited with {make.returncode} before serving"
        answers = {path: page(base + path) for path in EXPECTED}
        if all(
            status == 200 and EXPECTED[path] in body for path, (status, body) in answers.items()
        ):
            print(
                f"smoke run: /en/ and /ar/ served the demo content {time.monotonic() - started:.0f} s after make run"
            )
            return None
        time.sleep(1)
    return f"no demo content at /en/ and /ar/ within {FIRST_PAGE_WITHIN} s"


def stop(make, port):
    os.killpg(make.pid, signal.SIGINT)
    try:
        make.wait(STOP_WITHIN)
    except subprocess.TimeoutExpired:
        return f"make run still running {STOP_WITHIN} s after Ctrl-C"
    for _ in range(STOP_WITHIN * 10):
        if port_is_free(port):
            print(f"smoke run: stopped by Ctrl-C, port {port} free")
            return None
        time.sleep(0.1)
    return f"port {port} still answers after make run stopped"


if __name__ == "__main__":
    sys.exit(main())

"""bench/run.py reads wrk's timeouts and never waits forever on gunicorn (issue 29, part 9)."""

import subprocess
import sys

from bench import run

WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8766/en/initiatives/?region=002&group=ldc
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.21s   402.11ms   1.98s    61.54%
    Req/Sec     5.33      4.12    20.00     80.00%
  Latency Distribution
     50%    1.18s
     75%    1.52s
     90%    1.80s
     99%    1.98s
  52 requests in 5.02s, 1.61MB read
  Socket errors: connect 0, read 0, write 0, timeout 9
Requests/sec:     10.36
Transfer/sec:    328.44KB
"""


def test_timeouts_are_counted_beside_the_latencies_they_are_left_out_of():
    result = run.parse_wrk(WRK_OUTPUT)
    assert result == {
        "rps": 10.36,
        "requests": 52,
        "p50_ms": 1180.0,
        "p99_ms": 1980.0,
        "non_2xx": 0,
        "timeouts": 9,
    }


def test_a_run_without_socket_errors_has_no_timeouts():
    output = WRK_OUTPUT.replace("  Socket errors: connect 0, read 0, write 0, timeout 9\n", "")
    assert run.parse_wrk(output)["timeouts"] == 0


def test_a_server_that_ignores_sigterm_is_killed_after_the_grace(monkeypatch):
    monkeypatch.setattr(run, "STOP_SECONDS", 0.5)
    stubborn = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time\n"
            "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
            "print('ready', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert stubborn.stdout.readline() == "ready\n"  # its handler is in place
    run.stop(stubborn)  # returns instead of raising TimeoutExpired
    assert stubborn.returncode == -9
    stubborn.stdout.close()

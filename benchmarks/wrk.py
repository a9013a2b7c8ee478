"""Run wrk (a C load generator with LuaJIT scripts) and read its report.

A load generator in Python costs the same two cores as the server, and costs more for a large
reply than for a small one; wrk's cost is small and even, so ratios between endpoints measure
the server. Debian: ``apt-get install wrk``.
"""

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass


@dataclass
class Result:
    rate: float  # requests per second
    p50: float  # ms
    p99: float  # ms
    non_2xx_3xx: int
    socket_errors: str  # wrk's "connect 0, read 0, write 0, timeout 0" when any occurred
    requests: int  # completed in the run

    @property
    def clean(self):
        return not self.non_2xx_3xx and not self.socket_errors


def lua_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(url, *, seconds, connections, threads=2, script=None, headers=()):
    """Load ``url`` for ``seconds``; ``script`` is Lua source (e.g. a request() function)."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    command = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
    for header in headers:
        command += ["-H", header]
    path = None
    if script is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(script)
        path = handle.name
        command += ["-s", path]
    try:
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    finally:
        if path:
            os.unlink(path)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = (_ms(re.search(rf"^\s+{q}%\s+(\S+)", output, re.M).group(1)) for q in (50, 99))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return Result(
        rate,
        p50,
        p99,
        int(errors.group(1)) if errors else 0,
        socket_errors.group(1) if socket_errors else "",
        int(re.search(r"(\d+) requests in", output).group(1)),
    )


def best_of_rounds(cases, rounds, note=lambda: ""):
    """Run every case once per round, the cases interleaved so that each meets the same
    machine load, and keep each case's best rate.

    ``cases`` maps a label to a function that runs wrk once and returns its ``Result``.
    Returns ``({label: best requests per second}, [failures])``; a failure is a run with
    non-2xx/3xx answers or socket errors.
    """
    best, failures = {}, []
    for number in range(1, rounds + 1):
        for label, load in cases.items():
            result = load()
            print(
                f"round {number} {label}: {result.rate:.0f}/s, p50 {result.p50:.1f} ms, "
                f"p99 {result.p99:.1f} ms; {note()}"
            )
            if not result.clean:
                failures.append(f"{label}: {result}")
            best[label] = max(best.get(label, 0), result.rate)
    return best, failures


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

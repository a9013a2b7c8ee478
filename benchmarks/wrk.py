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
    )


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

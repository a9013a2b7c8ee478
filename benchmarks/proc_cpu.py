"""CPU time per request of each part of the stack, read from /proc (Linux).

Throughput on two shared cores says how fast, not where the time goes. Taking the CPU time of
every process before and after a load run, grouped by what the process is (gunicorn, postgres,
redis), and dividing by the requests served gives microseconds of CPU per request for each.
"""

import os

GROUPS = ("gunicorn", "postgres", "redis")
TICKS = os.sysconf("SC_CLK_TCK")


def snapshot():
    """{pid: (group, user + system ticks)} for the processes of the stack."""
    taken = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        group = next((name for name in GROUPS if name in command), None)
        if group:
            taken[pid] = (group, int(fields[11]) + int(fields[12]))  # utime + stime
    return taken


def per_request(before, after, requests):
    """{group: CPU microseconds per request} between two snapshots."""
    spent = dict.fromkeys(GROUPS, 0)
    for pid, (group, ticks) in after.items():
        spent[group] += ticks - before.get(pid, (group, 0))[1]
    return {group: ticks / TICKS / max(requests, 1) * 1e6 for group, ticks in spent.items()}


def describe(usage):
    return ", ".join(f"{group} {usage[group]:,.0f} µs" for group in GROUPS)

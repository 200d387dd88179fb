#!/usr/bin/env python3
"""Times whole commands: wall seconds (median, min, max over runs) and peak RSS.

Usage: timeit.py RUNS LABEL -- CMD [ARG ...]
Prints one tab-separated line: label, median, min, max (seconds), peak RSS (MiB).
Output of the command is discarded; a warm-up run is not counted.
"""
import os
import statistics
import tempfile
import sys
import time


GNU_TIME = "/usr/bin/time"


def run_once(cmd):
    # A child's peak RSS counts the memory of the process it was forked from, so the peak is
    # read by GNU time (a small process) when it is installed, else from this interpreter's
    # child (then at least the interpreter's own ~14 MiB).
    with tempfile.NamedTemporaryFile("r") as rss:
        full = [GNU_TIME, "-f", "%M", "-o", rss.name, *cmd] if os.path.exists(GNU_TIME) else cmd
        devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
        start = time.monotonic()
        pid = os.posix_spawnp(full[0], full, os.environ, file_actions=devnull)
        _, status, usage = os.wait4(pid, 0)
        wall = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{cmd[0]} exited with {code}")
        peak_kib = usage.ru_maxrss
        if full is not cmd:
            peak_kib = int(rss.read().split()[-1])
    return wall, peak_kib / 1024.0


def main():
    runs, label = int(sys.argv[1]), sys.argv[2]
    cmd = sys.argv[sys.argv.index("--") + 1 :]
    run_once(cmd)
    walls, peaks = zip(*(run_once(cmd) for _ in range(runs)))
    print(
        f"{label}\t{statistics.median(walls):.3f}\t{min(walls):.3f}\t{max(walls):.3f}"
        f"\t{max(peaks):.0f}"
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times whole commands: wall seconds (median, min, max over runs) and peak RSS.

Usage: timeit.py RUNS LABEL -- CMD [ARG ...]
Prints one tab-separated line: label, median, min, max (seconds), peak RSS (MiB).
Output of the command is discarded; a warm-up run is not counted.
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{cmd[0]} exited with {code}")
    return wall, usage.ru_maxrss / 1024.0


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

#!/usr/bin/env python3
"""Times whole commands: wall seconds (median, min, max over runs) and peak RSS.

Usage: timeit.py RUNS LABEL [--vs 'CMD_B'] -- CMD [ARG ...]

Prints one tab-separated line: label, median, min, max (seconds), peak RSS (MiB). With
--vs, A (CMD) and B (CMD_B, one string split as a shell splits words) run in turn, A B A B,
and the line goes on with B's median, min, max and peak, then the median of the pairwise
A/B wall ratios (pairing keeps the ratio meaningful when the machine's speed drifts).

Wall time is a monotonic clock around spawn and reap; peak RSS is GNU time's `%M` when
/usr/bin/time is installed, else the child's own rusage. Output of the commands is
discarded; one warm-up run of each is not counted.
"""
import os
import shlex
import statistics
import sys
import tempfile
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


def here(runs, a, b):
    """Times A (and B in turn) in this process: ({A,B}: (walls, peak)), pairwise ratios."""
    cmds = {"A": a} if b is None else {"A": a, "B": b}
    for cmd in cmds.values():
        run_once(cmd)
    walls = {k: [] for k in cmds}
    peaks = {k: 0.0 for k in cmds}
    for _ in range(runs):
        for k, cmd in cmds.items():
            wall, peak = run_once(cmd)
            walls[k].append(wall)
            peaks[k] = max(peaks[k], peak)
    ratios = [x / y for x, y in zip(walls["A"], walls["B"])] if b else []
    return {k: (walls[k], peaks[k]) for k in cmds}, ratios


def main():
    runs, label = int(sys.argv[1]), sys.argv[2]
    rest = sys.argv[3 : sys.argv.index("--")]
    a = sys.argv[sys.argv.index("--") + 1 :]
    b = shlex.split(rest[rest.index("--vs") + 1]) if "--vs" in rest else None
    measured, ratios = here(runs, a, b)
    figures = {k: (min(w), statistics.median(w), max(w), peak) for k, (w, peak) in measured.items()}
    ratio = statistics.median(ratios) if b is not None else None
    cells = [label]
    for lo, mid, hi, peak in figures.values():
        cells += [f"{mid:.3f}", f"{lo:.3f}", f"{hi:.3f}", f"{peak:.0f}"]
    if ratio is not None:
        cells.append(f"{ratio:.2f}")
    print("\t".join(cells))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where a run's instructions go, stage by stage, next to the parse floor (issue 10).

Counts instructions with callgrind (valgrind), which is steady where wall time on a shared
machine is not, for the parse floor and for `evidencelint check --format json -j1` on one
corpus, and prints each stage's inclusive count and its size in parse floors. A stage is a
function that runs it (the profiling build keeps them out of line): its count is what the calls
to that function cost, inclusive.

    python3 bench/stages.py CORPUS            # e.g. a corpus of bench/run.sh
    python3 bench/stages.py CORPUS --keep DIR # keep the callgrind files in DIR

Needs valgrind (callgrind_annotate comes with it). Builds with `--profile profiling`.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# (label, what it runs, the function whose calls are the stage, functions inside it that are
# counted elsewhere), in the order of a run. Stages do not overlap.
STAGES = [
    ("startup", "load the packs' catalog", "evidencelint::cli::setup::load_catalog", []),
    ("startup", "compile the lexicon of every phrase", "evidencelint::evaluate::lexicon::compile_for", []),
    ("startup", "compile the diagram zone patterns", "evidencelint::diagram::zones::prepare", []),
    ("per file", "walk the tree", "evidencelint::discover::discover", []),
    ("per file", "read each file", "evidencelint::discover::read::read_text", []),
    ("per file", "parse front matter and Markdown", "evidencelint::parse::ParsedFile::parse", []),
    ("per file", "scan for secrets", "evidencelint::checks::secret::check_text", []),
    ("per file", "build the document model", "evidencelint::model::document::Document::build", []),
    ("per file", "recognize topics and facts", "evidencelint::evaluate::recognize::workspace::Workspace::with", []),
    ("repository", "check diagrams", "evidencelint::checks::diagram::check", []),
    ("repository", "evaluate the checklist items", "evidencelint::evaluate::evaluate_cells", []),
    (
        "repository",
        "check links, names, account IDs",
        "evidencelint::checks::check_repository",
        ["evidencelint::checks::secret::check_files::{{closure}}"],
    ),
    ("repository", "sort the findings", "evidencelint::diagnostic::sort_diagnostics", []),
    ("output", "write the JSON report", "evidencelint::cli::check::write_output", []),
]

# Parts of the recognition stage, shown under it (not added again).
RECOGNITION_PARTS = [
    ("split text into tokens", "evidencelint::evaluate::recognize::words::tokens::<impl evidencelint::evaluate::recognize::words::WordMatcher>::tokens"),
    ("match tokens to phrase parts", "evidencelint::evaluate::recognize::words::WordMatcher::walk"),
    ("split blocks into sentences", "<evidencelint::evaluate::recognize::text::Sentences as core::iter::traits::iterator::Iterator>::next"),
    ("confirm parts with punctuation", "evidencelint::evaluate::recognize::sentence::<impl evidencelint::evaluate::recognize::Lexicon>::regex_matches"),
    ("find the values of facts, test topics", "evidencelint::evaluate::recognize::Lexicon::hits"),
]

# A count and a `file:function` (with an optional call count and object) of an annotation.
COUNT = re.compile(r"^\s*([\d,]+)")
NAME = re.compile(r"^(?:\S+?):(.*?)(?: \(\d[\d,]*x\))?(?: \[.*\])?$")


def callgrind(command, out):
    """Runs `command` under callgrind into `out`; returns its total instruction count."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        sys.exit(f"callgrind failed on {' '.join(command)}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def function_name(annotation):
    """The function of a `file:function (Nx) [object]` annotation."""
    found = NAME.match(annotation.strip())
    return found.group(1) if found else annotation.strip()


def called(out):
    """Instructions spent in the calls to each function from other functions, by name: its
    inclusive count, summed over its copies (a function can be compiled into several units)
    and its inlined pieces, without counting a recursive call twice."""
    text = subprocess.run(
        ["callgrind_annotate", "--tree=caller", "--inclusive=yes", "--threshold=100", "--auto=no", out],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts = {}
    for block in text.split("\n\n"):
        lines = block.strip("\n").split("\n")
        heads = [line for line in lines if "*  " in line]
        if not heads:
            continue
        function = function_name(heads[0].split("*  ", 1)[1])
        for line in lines:
            if "  < " not in line:
                continue
            caller = function_name(line.split("< ", 1)[1])
            if caller != function:
                count = int(COUNT.match(line).group(1).replace(",", ""))
                counts[function] = counts.get(function, 0) + count
    return counts


def main():
    """Counts the floor and the check, and prints the stages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--keep", help="directory to keep the callgrind files in")
    args = parser.parse_args()
    args.corpus = os.path.abspath(args.corpus)
    if args.keep:
        args.keep = os.path.abspath(args.keep)
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    for target in (["--bin", "evidencelint"], ["--example", "parse_floor"]):
        subprocess.run(
            ["cargo", "build", "--profile", "profiling", "--locked", "--quiet", *target],
            check=True,
        )
    keep = args.keep or tempfile.mkdtemp(prefix="evidencelint-stages-")
    os.makedirs(keep, exist_ok=True)
    binary = "target/profiling/evidencelint"
    floor_binary = "target/profiling/examples/parse_floor"
    floor = callgrind([floor_binary, args.corpus, "--threads", "1"], f"{keep}/floor.out")
    total = callgrind(
        [binary, "check", args.corpus, "-j1", "--format", "json"], f"{keep}/check.out"
    )
    counts = called(f"{keep}/check.out")

    def row(label, what, count):
        print(f"{label:<11} {what:<40} {count / 1e6:>9.1f} M {count / floor:>7.2f}")

    print(f"corpus: {args.corpus}   (instructions, millions; x floor)")
    print(f"{'':<11} {'parse floor (walk, read, parse)':<40} {floor / 1e6:>9.1f} M {1:>7.2f}")
    accounted = 0
    for label, what, function, inside in STAGES:
        count = counts.get(function)
        if count is None:
            print(f"{label:<11} {what:<40} (not found: {function})")
            continue
        count -= sum(counts.get(nested, 0) for nested in inside)
        accounted += count
        row(label, what, count)
        if function.endswith("Workspace::with"):
            for part, inner in RECOGNITION_PARTS:
                row("", "  " + part, counts.get(inner, 0))
    row("other", "process start, threads, the rest", total - accounted)
    row("total", "evidencelint check -j1", total)


if __name__ == "__main__":
    main()

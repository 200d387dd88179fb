#!/usr/bin/env bash
# Benchmarks (issue 10): generates the corpora, then times the parse floor, evidencelint at 1
# and N threads, and rumdl (a fast Rust Markdown linter, from PyPI), and prints medians and
# ratios. See BENCHMARKS.md for the figures and the machine they were taken on.
#
#   bench/run.sh                 # 30 and 10k documents
#   BENCH_100K=1 bench/run.sh    # also 100k documents (linear growth, peak RSS)
#   RUNS=5 BENCH_DIR=/tmp/b bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/evidencelint-bench}"
THREADS="${THREADS:-$(nproc)}"
GEN="../shared/bench/gen_corpus.py"
TIME="python3 bench/timeit.py"

echo "== build (release)"
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example parse_floor
LINT=target/release/evidencelint
FLOOR=target/release/examples/parse_floor

if ! command -v rumdl >/dev/null; then
    echo "== installing rumdl from PyPI"
    python3 -m pip install --quiet --disable-pip-version-check rumdl
fi

corpus() {
    local docs="$1" out="$DIR/c$1"
    [ -d "$out" ] || python3 "$GEN" "$out" --docs "$docs" >/dev/null
    echo "$out"
}

sizes=(30 10000)
[ -n "${BENCH_100K:-}" ] && sizes+=(100000)

printf 'label\tmedian_s\tmin_s\tmax_s\tpeak_MiB\n'
declare -A median
for n in "${sizes[@]}"; do
    c=$(corpus "$n")
    runs=$RUNS
    [ "$n" -ge 100000 ] && runs=3
    for j in 1 "$THREADS"; do
        for what in floor lint; do
            if [ "$what" = floor ]; then cmd=("$FLOOR" "$c" --threads "$j")
            else cmd=("$LINT" check "$c" --threads "$j" --format json); fi
            line=$($TIME "$runs" "$what/$n/j$j" -- "${cmd[@]}")
            echo "$line"
            median["$what/$n/j$j"]=$(cut -f2 <<<"$line")
        done
    done
    if [ "$n" -eq 10000 ]; then
        line=$($TIME "$runs" "rumdl/$n" -- rumdl check "$c")
        echo "$line"
        median["rumdl/$n"]=$(cut -f2 <<<"$line")
    fi
done

ratio() { python3 -c "print(f'{($1) / ($2):.2f}')"; }
echo
echo "== ratios (medians)"
for j in 1 "$THREADS"; do
    echo "lint/floor 10k j$j: $(ratio "${median[lint/10000/j$j]}" "${median[floor/10000/j$j]}")  (target <= 1.5)"
done
echo "rumdl/lint 10k: $(ratio "${median[rumdl/10000]}" "${median[lint/10000/j$THREADS]}")  (target >= 10)"
echo "lint 30 docs j$THREADS: ${median[lint/30/j$THREADS]} s  (target < 0.020)"
if [ -n "${BENCH_100K:-}" ]; then
    echo "lint 100k / (10 x 10k) j$THREADS: $(ratio "${median[lint/100000/j$THREADS]}" "10 * ${median[lint/10000/j$THREADS]}")  (target <= 1.1)"
fi

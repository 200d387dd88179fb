#!/usr/bin/env bash
# Benchmarks (issue 10): generates the corpora, then times evidencelint at 1 and N threads
# side by side with the parse floor, and rumdl (a fast Rust Markdown linter, from PyPI) side
# by side with evidencelint, each pair run in turn by bench/timeit.py, and prints medians
# and paired ratios. See BENCHMARKS.md for the
# figures and the machine they were taken on.
#
#   bench/run.sh                 # 30 and 10k documents, and the RDS User Guide (real text)
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
LINT="$PWD/target/release/evidencelint"
FLOOR="$PWD/target/release/examples/parse_floor"

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

printf 'label\tA_median_s\tA_min_s\tA_max_s\tA_peak_MiB\tB_median_s\tB_min_s\tB_max_s\tB_peak_MiB\tA/B\n'
declare -A median ratio
for n in "${sizes[@]}"; do
    c=$(corpus "$n")
    runs=$RUNS
    [ "$n" -ge 100000 ] && runs=3
    for j in 1 "$THREADS"; do
        # A = evidencelint, B = the parse floor, run in turn; A/B is the paired ratio.
        line=$($TIME "$runs" "lint-vs-floor/$n/j$j" --vs "$FLOOR $c --threads $j" \
            -- "$LINT" check "$c" --threads "$j" --format json)
        echo "$line"
        median["lint/$n/j$j"]=$(cut -f2 <<<"$line")
        ratio["lint/$n/j$j"]=$(cut -f10 <<<"$line")
    done
    if [ "$n" -eq 10000 ]; then
        # A = rumdl, B = evidencelint on all cores. --no-cache: rumdl keeps results in
        # .rumdl_cache, which the warm-up run would fill for every timed run to read back.
        line=$($TIME "$runs" "rumdl-vs-lint/$n" --vs "$LINT check $c --threads $THREADS --format json" \
            -- rumdl check --no-cache "$c")
        echo "$line"
        ratio["rumdl/$n"]=$(cut -f10 <<<"$line")
    fi
done

# Real-world text (the generated corpus is pure ASCII with few broken links, which hid costs
# that real pages have): the RDS User Guide snapshot, 200 pages with many broken links and
# all 672 pages, each with a front matter (bench/real_corpus.sh). Skipped without the
# snapshot.
REAL="../shared/corpora/rds-user-guide-2023-06.tar.gz"
real=()
if [ -f "$REAL" ]; then
    real=(200 all)
    for pages in "${real[@]}"; do
        c="$DIR/rds-$pages"
        [ -d "$c" ] || PAGES=$pages bash bench/real_corpus.sh "$c" >/dev/null
        for j in 1 "$THREADS"; do
            line=$($TIME "$RUNS" "lint-vs-floor/rds-$pages/j$j" --vs "$FLOOR $c --threads $j" \
                -- "$LINT" check "$c" --threads "$j" --format json)
            echo "$line"
            ratio["lint/rds-$pages/j$j"]=$(cut -f10 <<<"$line")
        done
    done
    line=$($TIME "$RUNS" "rumdl-vs-lint/rds-all" --vs "$LINT check $DIR/rds-all --threads $THREADS --format json" \
        -- rumdl check --no-cache "$DIR/rds-all")
    echo "$line"
    ratio["rumdl/rds-all"]=$(cut -f10 <<<"$line")
fi

echo
echo "== ratios (paired medians)"
for j in 1 "$THREADS"; do
    echo "lint/floor 10k j$j: ${ratio[lint/10000/j$j]}  (target <= 1.5)"
done
echo "rumdl/lint 10k: ${ratio[rumdl/10000]}  (target >= 10)"
echo "lint 30 docs j$THREADS: ${median[lint/30/j$THREADS]} s  (target < 0.020)"
if [ -n "${BENCH_100K:-}" ]; then
    for j in 1 "$THREADS"; do
        growth=$(python3 -c "print(f'{${median[lint/100000/j$j]} / (10 * ${median[lint/10000/j$j]}):.2f}')")
        echo "lint 100k / (10 x 10k) j$j: $growth  (target <= 1.1)"
    done
fi
for pages in "${real[@]}"; do
    for j in 1 "$THREADS"; do
        echo "lint/floor RDS User Guide ($pages pages) j$j: ${ratio[lint/rds-$pages/j$j]}"
    done
done
[ ${#real[@]} -gt 0 ] && echo "rumdl/lint RDS User Guide (all pages): ${ratio[rumdl/rds-all]}"
true

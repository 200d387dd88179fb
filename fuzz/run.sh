#!/usr/bin/env bash
# Runs every fuzz target in turn (never two at once), each for SECONDS (default 600), at the
# lowest CPU priority. New corpus entries go to fuzz/corpus/<target>/ (not committed), the
# committed seeds in fuzz/seeds/<target>/ are read too; logs go to fuzz/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${SECONDS_PER_TARGET:-600}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(frontmatter markdown config diagram)
mkdir -p logs
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s"
    nice -n 19 cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"logs/$target.log" 2>&1 || echo "   $target stopped early (see logs/$target.log)"
    tail -n 25 "logs/$target.log" | grep -E '^(stat::|#[0-9]+.*DONE|Done|==[0-9]+==|SUMMARY)' || true
done

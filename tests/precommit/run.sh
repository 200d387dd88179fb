#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit (python3 -m pip install pre-commit):
# validates the manifest, then runs `pre-commit try-repo <this project> evidencelint --all-files`
# in throw-away Git repositories holding copies of fixtures/ci-failing (must fail) and
# fixtures/ci-passing (must pass).
#
# try-repo clones this project at HEAD (plus any uncommitted changes, as a shadow commit) and
# builds it with `cargo install`: the first run takes minutes. CARGO_TARGET_DIR is shared so the
# second build reuses the first; PRE_COMMIT_HOME keeps pre-commit's cache out of ~/.cache.
# Both can be overridden from the environment.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$project/target/pre-commit/home}"
export CARGO_TARGET_DIR="${EVIDENCELINT_PRECOMMIT_TARGET_DIR:-$project/target/pre-commit/build}"
export PRE_COMMIT_COLOR=never
mkdir -p "$PRE_COMMIT_HOME" "$CARGO_TARGET_DIR"

if ! command -v pre-commit > /dev/null; then
  echo "pre-commit is not installed: python3 -m pip install pre-commit" >&2
  exit 1
fi
echo "pre-commit: $(pre-commit --version); project HEAD: $(git -C "$project" rev-parse HEAD)"

passed=0
failed=0
pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if (cd "$project" && pre-commit validate-manifest .pre-commit-hooks.yaml); then
  pass "validate-manifest"
else
  fail "validate-manifest"
fi

# try_fixture NAME EXPECTED_STATUS EXPECTED_TEXT
try_fixture() {
  local name=$1 expected=$2 text=$3
  local repo="$scratch/$name"
  mkdir -p "$repo"
  cp -R "$project/fixtures/$name/." "$repo/"
  git -C "$repo" init -q
  git -C "$repo" add -A
  git -C "$repo" -c user.name=test -c user.email=test@example.com commit -qm fixture
  local status=0
  (cd "$repo" && pre-commit try-repo "$project" evidencelint --all-files) > "$scratch/$name.log" 2>&1 || status=$?
  if [ "$status" -eq "$expected" ] && grep -qF -- "$text" "$scratch/$name.log"; then
    pass "try-repo on $name (exit $status)"
  else
    fail "try-repo on $name: exit $status (wanted $expected), output:"
    cat "$scratch/$name.log"
  fi
  if [ -n "${VERBOSE:-}" ]; then
    cat "$scratch/$name.log"
  fi
}

try_fixture ci-failing 1 "link/broken"
try_fixture ci-passing 0 "Passed"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

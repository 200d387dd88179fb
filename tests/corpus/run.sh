#!/usr/bin/env bash
# The real corpus: the Amazon RDS User Guide (June 2023, 672 Markdown pages), linted with the
# release binary. Asserts: no crash (exit 0 or 1, never 2, no panic); byte-identical JSON with
# --threads 1 and 2; secret/* findings exactly the hand-reviewed ones of tests/secrets_corpus.rs
# (AWS's documented EXAMPLE keys are never reported); and every link/broken finding confirmed,
# with none missed, by an independent checker (check_links.py, markdown-it-py).
# Tools: python3 -m pip install -r tests/requirements.txt (markdown-it-py).
# EVIDENCELINT_CORPUS overrides the archive (default ../shared/corpora/ beside the repository,
# else /work/shared/corpora/).
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
archive=shared/corpora/rds-user-guide-2023-06.tar.gz
corpus="${EVIDENCELINT_CORPUS:-$project/../$archive}"
# A clone elsewhere (no ../shared beside it) uses the machine's copy, as tests/secrets_corpus.rs.
[ -n "${EVIDENCELINT_CORPUS:-}" ] || [ -f "$corpus" ] || corpus="/work/$archive"
[ -f "$corpus" ] || { echo "FAIL: corpus not found: $corpus (set EVIDENCELINT_CORPUS)"; exit 1; }
# The number of link/broken findings recorded in the README ("Real corpus").
expected_broken=143

cd "$project"
cargo build --locked --release --quiet --bin evidencelint
bin="${CARGO_TARGET_DIR:-$project/target}/release/evidencelint"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

tar -xzf "$corpus" -C "$scratch"
root="$scratch/rds-user-guide"
pages=$(find "$root" -name '*.md' | wc -l)
echo "corpus: $pages Markdown pages"
test "$pages" -ge 600

run() { # run THREADS OUT: lint the corpus, fail on a crash
  local status=0
  (cd "$root" && "$bin" check . --format json --color never --as-of 2026-01-15 \
    --threads "$1" --output "$2" 2>"$2.stderr") || status=$?
  if [ "$status" -gt 1 ] || grep -q panicked "$2.stderr"; then
    echo "FAIL: evidencelint exited $status on the corpus:"
    cat "$2.stderr"
    exit 1
  fi
}
run 1 "$scratch/one.json"
run 2 "$scratch/two.json"
cmp "$scratch/one.json" "$scratch/two.json" || { echo "FAIL: output differs with --threads 1 and 2"; exit 1; }
echo "PASS: no crash; identical output with 1 and 2 threads"

python3 - "$scratch/one.json" "$expected_broken" <<'EOF'
import collections, json, sys
diags = json.load(open(sys.argv[1]))["diagnostics"]
secrets = sorted((d["path"], d["code"]) for d in diags if d["code"].startswith("secret/"))
# Hand-reviewed literal credentials (see EXPECTED_SECRET_HITS in tests/secrets_corpus.rs).
justified = sorted([
    ("doc_source/Appendix.SQLServer.Options.LinkedServers_Oracle_OLEDB.md", "secret/token"),
    ("doc_source/Appendix.SQLServer.Options.TDE.md", "secret/token"),
    ("doc_source/DownloadCompleteDBLogFile.md", "secret/token"),
    ("doc_source/UsingWithRDS.IAMDBAuth.Connecting.Java.md", "secret/aws-access-key"),
])
if secrets != justified:
    sys.exit(f"FAIL: secret findings {secrets}, expected only {justified}")
print(f"PASS: only the {len(justified)} reviewed secret findings")
counts = collections.Counter(d["code"] for d in diags)
print("findings:", dict(sorted(counts.items())))
if counts["link/broken"] != int(sys.argv[2]):
    sys.exit(f"FAIL: {counts['link/broken']} link/broken, the README records {sys.argv[2]}")
EOF

python3 tests/corpus/check_links.py "$root" "$scratch/one.json"
echo "PASS: every link/broken confirmed by the independent checker, none missed"

# The checker is not vacuous: dropping one finding must be caught as a missed link.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
first = next(i for i, x in enumerate(d["diagnostics"]) if x["code"] == "link/broken")
del d["diagnostics"][first]
json.dump(d, open(sys.argv[2], "w"))
' "$scratch/one.json" "$scratch/dropped.json"
if python3 tests/corpus/check_links.py "$root" "$scratch/dropped.json" >/dev/null; then
  echo "FAIL: the checker did not notice a missing finding"
  exit 1
fi
echo "PASS: the checker notices a missing finding"

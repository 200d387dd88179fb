#!/usr/bin/env bash
# Builds the real-world benchmark corpus (BENCHMARKS.md, session 7): the first 200 pages of
# the RDS User Guide snapshot in ../shared/corpora, in `find` order, each given a front matter
# so that the recognizer reads it, and a config naming the RDS program. The other pages are
# left out, so many links are broken: the worst case for "did you mean" suggestions. With
# PAGES=all, every page is kept (the whole guide, few broken links).
#
#   bench/real_corpus.sh OUT        # then: valgrind --tool=callgrind evidencelint check OUT -j1
#   PAGES=all bench/real_corpus.sh OUT
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: bench/real_corpus.sh OUT}"
pages="${PAGES:-200}"
tarball="../shared/corpora/rds-user-guide-2023-06.tar.gz"
rm -rf "$out"
mkdir -p "$out"
tar -xzf "$tarball" -C "$out"
printf 'programs: [rds-sd-2025-08]\n' > "$out/evidencelint.yaml"
n=0
while IFS= read -r page; do
    n=$((n + 1))
    if [ "$pages" = all ] || [ "$n" -le "$pages" ]; then
        { printf -- '---\ntitle: Evidence\ncontrols: [RDS-004]\n---\n\n'; cat "$page"; } > "$page.tmp"
        mv "$page.tmp" "$page"
    else
        rm "$page"
    fi
done < <(find "$out" -name '*.md')
echo "$out: $pages pages with front matter"

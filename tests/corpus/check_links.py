#!/usr/bin/env python3
"""Independent check of evidencelint's `link/broken` findings on a Markdown repository.

Usage: check_links.py ROOT FINDINGS.json

It parses every Markdown file of ROOT with markdown-it-py (CommonMark + GFM tables, not
evidencelint's pulldown-cmark), collects the relative links and images (Markdown syntax and
raw HTML `href`/`src`), and decides on its own which are broken the way GitHub renders them:

* the target file (or folder) does not exist, or
* the `#anchor` matches neither a heading slug of the target Markdown file (github-slugger's
  rule: lowercase, drop everything but letters, marks, numbers, connector punctuation, spaces
  and `-`, spaces to `-`, repeats numbered `-1`, `-2`, ...) nor an `id=`/`name=` attribute of
  a raw HTML tag in it (parsed with html.parser, comments and code excluded).

Anchors are compared as written, lowercased and percent-decoded (GitHub resolves all three).
Links leaving the root, root-absolute paths (`/x.md`) and URLs with a scheme are not
judged (evidencelint reports the first as `link/outside-repo` and checks neither of the
others).

Then it compares both sets: every evidencelint finding must be a link the checker also finds
broken (same file, destination, and a line inside the link's block), and every broken link
the checker finds must have been reported. Prints a summary; exit 1 on any disagreement.
"""

import collections
import html.parser
import json
import os
import re
import sys
import unicodedata
import urllib.parse

from markdown_it import MarkdownIt

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
MD = MarkdownIt("commonmark").enable("table")


class Html(html.parser.HTMLParser):
    """Collects `id`/`name` attribute values and `href`/`src` destinations of HTML tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors = []
        self.refs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.anchors.append(value)
            elif name in ("href", "src"):
                self.refs.append(value)

    handle_startendtag = handle_starttag


def html_of(fragment):
    parser = Html()
    parser.feed(fragment)
    parser.close()
    return parser


def slug(text):
    """github-slugger: lowercase, keep letters/marks/numbers/connectors/space/-, space to -."""
    kept = []
    for ch in text.strip().lower():
        cat = unicodedata.category(ch)
        if ch in " -" or cat[0] in "LMN" or cat == "Pc":
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


def inline_text(token):
    """The text content of an inline token, as GitHub's heading element would show it."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "image":
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def strip_front_matter(text):
    """Blanks YAML front matter (keeping its lines, so line numbers stay right)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return text
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n" * (i + 1) + "".join(lines[i + 1 :])
    return text


class Page:
    """One Markdown file: its anchors and its links `(dest, first line, last line)`."""

    def __init__(self, text):
        self.anchors = set()
        self.links = []
        counts = collections.Counter()
        tokens = MD.parse(strip_front_matter(text))
        heading = False
        for token in tokens:
            lines = (token.map[0] + 1, token.map[1]) if token.map else (0, 0)
            if token.type == "heading_open":
                heading = True
            elif token.type == "heading_close":
                heading = False
            elif token.type == "html_block":
                self.add_html(token.content, lines)
            elif token.type == "inline":
                if heading:
                    base = slug(inline_text(token))
                    anchor = base if counts[base] == 0 else f"{base}-{counts[base]}"
                    counts[base] += 1
                    self.anchors.add(anchor)
                for child in token.children or []:
                    if child.type == "link_open":
                        self.links.append((child.attrGet("href") or "", lines))
                    elif child.type == "image":
                        self.links.append((child.attrGet("src") or "", lines))
                    elif child.type == "html_inline":
                        self.add_html(child.content, lines)

    def add_html(self, fragment, lines):
        parsed = html_of(fragment)
        self.anchors.update(parsed.anchors)
        self.links.extend((ref, lines) for ref in parsed.refs)


def resolve(folder, dest):
    """`(path or None for this page, anchor or None)`, or None when the link is not judged."""
    dest = dest.strip()
    if not dest or SCHEME.match(dest) or dest.startswith("//"):
        return None
    path, _, anchor = dest.partition("#")
    anchor = anchor if "#" in dest else None
    path = path.partition("?")[0]
    if not path:
        return (None, anchor) if anchor is not None else None
    if path.startswith("/"):
        return None
    parts = folder.split("/") if folder else []
    for segment in urllib.parse.unquote(path).split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(segment)
    return "/".join(parts), anchor


def anchor_found(anchor, anchors):
    decoded = urllib.parse.unquote(anchor)
    return any(a in anchors for a in (anchor, anchor.lower(), decoded, decoded.lower()))


def broken_links(root):
    """Every broken relative link: `{(path, dest): [(first line, last line), ...]}`."""
    pages = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md"):
                path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                with open(os.path.join(folder, name), encoding="utf-8-sig") as f:
                    pages[path] = Page(f.read())
    broken = collections.defaultdict(list)
    total = 0
    for path, page in pages.items():
        folder = path.rpartition("/")[0]
        for dest, lines in page.links:
            target = resolve(folder, dest)
            if target is None:
                continue
            total += 1
            target_path, anchor = target
            target_path = path if target_path is None else target_path
            full = os.path.join(root, target_path)
            if not os.path.exists(full):
                broken[(path, dest)].append(lines)
            elif anchor is not None and target_path in pages:
                if not anchor_found(anchor, pages[target_path].anchors):
                    broken[(path, dest)].append(lines)
    return broken, total, len(pages)


def pointed_text(root, finding):
    """The text a JSON finding's line/column..end_column covers (columns in characters)."""
    with open(os.path.join(root, finding["path"]), encoding="utf-8-sig") as f:
        line = f.read().splitlines()[finding["line"] - 1]
    return line[finding["column"] - 1 : finding["end_column"] - 1]


def main():
    root, findings_file = sys.argv[1], sys.argv[2]
    with open(findings_file, encoding="utf-8") as f:
        findings = [d for d in json.load(f)["diagnostics"] if d["code"] == "link/broken"]
    broken, total, files = broken_links(root)
    unconfirmed = []
    for finding in findings:
        dest = urllib.parse.unquote(pointed_text(root, finding))
        line = finding["line"]
        match = None
        for (path, d), places in broken.items():
            if path == finding["path"] and (d == dest or urllib.parse.unquote(d) == dest):
                match = next((p for p in places if p[0] <= line <= max(p)), None)
                if match:
                    places.remove(match)
                    break
        if match is None:
            unconfirmed.append(finding)
    missed = [(key, p) for key, places in broken.items() for p in places]
    print(
        f"checker: {files} Markdown files, {total} relative links judged; "
        f"evidencelint: {len(findings)} link/broken; "
        f"confirmed {len(findings) - len(unconfirmed)}, not confirmed {len(unconfirmed)}, "
        f"missed by evidencelint {len(missed)}"
    )
    for finding in unconfirmed:
        print(f"  NOT BROKEN? {finding['path']}:{finding['line']}:{finding['column']} "
              f"{finding['message']}")
    for (path, dest), lines in missed:
        print(f"  MISSED      {path}:{lines[0]}-{lines[1]} ({dest})")
    return 1 if unconfirmed or missed else 0


if __name__ == "__main__":
    sys.exit(main())

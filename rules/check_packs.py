#!/usr/bin/env python3
"""Validate the rule packs in rules/ (stdlib + PyYAML + jsonschema).

    python3 rules/check_packs.py                 # validate every pack, print a summary
    python3 rules/check_packs.py --corpus DIR    # also measure false positives on a Markdown corpus
                                                 # (e.g. the extracted RDS user guide)

Checks, per pack:
  * the pack validates against rules/pack.schema.json (draft 2020-12);
  * control ids are unique and are exactly the contract's list (CONTRACT.md section 2), in some order;
  * item ids are unique per control and kebab-case; every `applies-when` uses known values;
  * every control's `text:` is verbatim checklist text: after normalization (HTML tags and
    emphasis markers removed, list bullets unified, whitespace collapsed) it is a substring of the
    seed. A text may elide a passage with "[…]" (U+2026 in brackets), e.g. where the seed's table
    layout puts another column in the middle of a sentence; each segment must then be a substring;
  * every item's `example:` is recognized by the item's own `recognize:` under an *approximation*
    of the Rust matcher implemented here (words, plurals, British/American, hyphen/space/nothing,
    trailing `*`, `A ~ B` in one sentence, typed values). It is a consistency check of the data,
    not the reference implementation.

Exit status 0 when clean, 1 when a check failed.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"
if not SEEDS.is_dir():  # /work/main/rules -> /work/shared/seeds
    SEEDS = Path("/work/shared/seeds")

# CONTRACT.md section 2, "Control IDs".
CONTRACT = {
    "rds-sd-2025-08": [
        "PRE-2.1", "PRE-2.2", "PRE-3.1", "PRE-4.1", "PRE-4.2",
        *(f"RDS-00{i}" for i in range(1, 10)),
        "DOC-001", "ACCT-001", "ACCT-002", "OPE-001", "OPE-002", "OPE-003",
        "NETSEC-001", "NETSEC-002", "REL-001", "REL-002", "COST-001",
    ],
    "aurora-sd-2019-12": [
        "AUR-PRE-2.1", "AUR-PRE-2.2", "AUR-PRE-2.3", "AUR-PRE-3.1", "AUR-1.0", "AUR-2.1", "AUR-2.2",
    ],
}
PACK_FILES = {"rds-sd-2025-08": "rds-sd-2025-08.yaml", "aurora-sd-2019-12": "aurora-sd-2019-12.yaml"}
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ELISION = re.compile(r"\s*\[\u2026\]\s*")


# --------------------------------------------------------------------------- verbatim text
def normalize(text: str) -> str:
    t = html.unescape(text)
    t = re.sub(r"<li[^>]*>\s*[\u25aa\u25cbo]?\s+", "\n- ", t)  # <li>▪ / <li>○ / <li>o bullets
    t = re.sub(r"</?(?:a|b|i|em|strong|span|code)\b[^>]*>", "", t)  # inline tags
    t = re.sub(r"<[^>]+>", " ", t)                              # block tags
    t = t.replace("**", "").replace("*", "")                    # Markdown emphasis
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)              # Markdown links
    t = re.sub(r"(^|\n)[ \t]*(#+|-|[\u25aa\u25cb])[ \t]+", r"\1", t)  # headings, list bullets
    t = re.sub(r"[\u25aa\u25cb]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


# --------------------------------------------------------------------------- approximate matcher
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[`*])|\n\s*\n|\n\s*[-*+]\s|\n(?=#)|\n\|")
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|<[a-z][^>]*>|\{\{|lorem ipsum", re.I)


def sentences(text: str) -> list[str]:
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    out = []
    for s in SENT_SPLIT.split(text):
        s = " ".join(s.split())
        if s and not PLACEHOLDER.search(s):
            out.append(s)
    return out


def word_regex(word: str) -> str:
    prefix = word.endswith("*")
    w = word.rstrip("*").lower()
    r = re.escape(w)
    # British/American variants.
    r = r.replace("iz", "i[sz]").replace("is", "i[sz]").replace("yz", "y[sz]").replace("ys", "y[sz]")
    r = re.sub(r"our\b|our$", "o(?:u)?r", r) if not prefix else r
    r = r.replace("ae", "a?e")
    r = re.sub(r"(?<!\\)(l)(l?)(ing|ed)$", r"l{1,2}\3", r)
    if prefix:
        return r + r"[\w'-]*"
    return r + r"(?:s|es|'s)?\b"


def phrase_regex(phrase: str) -> re.Pattern:
    words = [w for w in re.split(r"[\s]+", phrase.strip()) if w]
    parts = []
    for w in words:
        sub = [word_regex(x) if x else "" for x in re.split(r"-", w)]
        parts.append(r"[\s-]?".join(sub))
    body = r"[\s/-]?".join(parts)
    return re.compile(r"(?<![\w])" + body, re.I)


_PHRASE_CACHE: dict[str, list[re.Pattern]] = {}


def topic_in_sentence(phrase: str, sent: str) -> bool:
    pats = _PHRASE_CACHE.get(phrase)
    if pats is None:
        pats = [phrase_regex(p) for p in phrase.split("~")]
        _PHRASE_CACHE[phrase] = pats
    return all(p.search(sent) for p in pats)


NUM = r"(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d+)?"
VALUES = {
    "duration": re.compile(rf"(?:\b{NUM}|\b(?:one|two|three|four|five|ten|fifteen|thirty|sixty|a few|an?|half an?)\b)\s*-?\s*(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?|yrs?)\b|\b(?:zero|no)\s+data\s+loss\b|\bnear[- ]zero\b|\bPT\d", re.I),
    "size": re.compile(rf"\b{NUM}\s*(?:[KMGTP]i?B|[KMGTP]bytes?|(?:kilo|mega|giga|tera|peta)bytes?)\b", re.I),
    "percent": re.compile(rf"\b{NUM}\s*(?:%|percent\b|per cent\b)", re.I),
    "count": re.compile(rf"(?<![\w.]){NUM}(?![\w.%]|\s*(?:%|[KMGTP]i?B\b))", re.I),
    "rate": re.compile(rf"\b{NUM}\s*(?:k\s*)?(?:(?:transactions?|queries|requests?|reads?|writes?|ops|operations?|tx|calls?|messages?)\s*)?(?:/\s*(?:s|sec|second|min|minute|h|hour)|per\s+(?:second|sec|minute|min|hour)|TPS|QPS|RPS|IOPS|ops/s)\b", re.I),
    "availability": re.compile(r"\b9\d(?:\.\d+)?\s*%|\b100\s*%|\b(?:two|three|four|five)\s+nines\b", re.I),
}


def fact_in_sentence(fact: dict, sent: str) -> bool:
    if not VALUES[fact["value"]].search(sent):
        return False
    return any(topic_in_sentence(n, sent) for n in fact["names"])


DIAGRAM_LINK = re.compile(r"\]\(([^)]+\.(?:drawio|svg|png|jpe?g|pdf))(?:\s[^)]*)?\)", re.I)


def recognized(rec: dict, sents: list[str], raw: str) -> bool:
    for key in ("topic", "mention"):
        if key in rec:
            return any(topic_in_sentence(p, s) for s in sents for p in rec[key])
    if "fact" in rec:
        return any(fact_in_sentence(rec["fact"], s) for s in sents)
    if "all" in rec:
        return all(recognized(r, sents, raw) for r in rec["all"])
    if "any" in rec:
        return any(recognized(r, sents, raw) for r in rec["any"])
    if "diagram" in rec:
        return bool(DIAGRAM_LINK.search(raw))
    raise ValueError(rec)


def phrases_of(rec: dict):
    for key in ("all", "any"):
        for r in rec.get(key, []):
            yield from phrases_of(r)
    yield from rec.get("topic", [])
    yield from rec.get("mention", [])
    if "fact" in rec:
        yield from rec["fact"]["names"]


# --------------------------------------------------------------------------- checks
def check_pack(program: str, path: Path, schema: dict, errors: list[str]) -> dict:
    def err(msg):
        errors.append(f"{path.name}: {msg}")

    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    for e in sorted(jsonschema.Draft202012Validator(schema).iter_errors(pack), key=lambda e: list(e.path)):
        err(f"schema: at {'/'.join(map(str, e.path)) or '(root)'}: {e.message[:300]}")
    if pack.get("program") != program:
        err(f"program is {pack.get('program')!r}, expected {program!r}")

    ids = [c["id"] for c in pack.get("controls", [])]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        err(f"duplicate control ids: {dups}")
    missing = [c for c in CONTRACT[program] if c not in ids]
    extra = [c for c in ids if c not in CONTRACT[program]]
    if missing:
        err(f"controls of the contract missing: {missing}")
    if extra:
        err(f"controls not in the contract: {extra}")
    for key in ("control",):
        for rule in ("case-studies",):
            cs = pack.get(rule, {})
            for ref in (cs.get(key), cs.get("recency", {}).get("control"), cs.get("per-engine", {}).get("control")):
                if ref not in ids:
                    err(f"case-studies refers to control {ref!r}, which the pack does not define")

    seed_name = pack.get("source")
    seed = normalize((SEEDS / seed_name).read_text(encoding="utf-8")) if seed_name else ""
    if not seed:
        err(f"seed {seed_name!r} not found in {SEEDS}")

    summary = {}
    for c in pack.get("controls", []):
        cid = c["id"]
        for seg in ELISION.split(c["text"]):
            n = normalize(seg)
            if n not in seed:
                # locate the first diverging word to make the message useful
                words, lo = n.split(" "), 0
                while lo < len(words) and " ".join(words[: lo + 1]) in seed:
                    lo += 1
                err(f"{cid}: text is not verbatim; diverges at word {lo}: {' '.join(words[max(0, lo-5):lo+5])!r}")
        items = c.get("items", []) or []
        iids = [i["id"] for i in items]
        for i in iids:
            if not KEBAB.match(i):
                err(f"{cid}/{i}: item id is not kebab-case")
        d = sorted({i for i in iids if iids.count(i) > 1})
        if d:
            err(f"{cid}: duplicate item ids {d}")
        if c["scope"] == "repository" and items:
            err(f"{cid}: a repository-scoped control is checked by code and should have no items")
        for it in items:
            ex = it["example"]
            if not recognized(it["recognize"], sentences(ex), ex):
                err(f"{cid}/{it['id']}: its own example is not recognized: {ex!r}")
            for p in phrases_of(it["recognize"]):
                if p != p.strip() or "  " in p or p.startswith("*") or "**" in p or "~~" in p:
                    err(f"{cid}/{it['id']}: malformed phrase {p!r}")
        summary[cid] = iids
    return {"pack": pack, "summary": summary}


def corpus_report(packs: dict, corpus: Path, limit: float) -> list[str]:
    """Run every item over every corpus page as if the page claimed the control; list items that
    too many pages satisfy, and the pages satisfying the most items of one control."""
    pages = []
    for p in sorted(corpus.rglob("*.md")):
        raw = p.read_text(encoding="utf-8", errors="replace")
        pages.append((p, raw, sentences(raw)))
    warnings = []
    print(f"\ncorpus {corpus}: {len(pages)} pages")
    for program, res in packs.items():
        for c in res["pack"]["controls"]:
            items = c.get("items", []) or []
            if not items:
                continue
            per_page = []
            counts = {it["id"]: 0 for it in items}
            for p, raw, sents in pages:
                hit = [it["id"] for it in items if recognized(it["recognize"], sents, raw)]
                for h in hit:
                    counts[h] += 1
                per_page.append((len(hit), p))
            worst = max(per_page)
            all_hit = sum(1 for n, _ in per_page if n == len(items))
            rates = ", ".join(f"{k} {v / len(pages):.0%}" for k, v in counts.items())
            print(f"  {c['id']:<12} pages satisfying all {len(items)} items: {all_hit:<3} "
                  f"max on one page: {worst[0]} ({worst[1].name}); per item: {rates}")
            for k, v in counts.items():
                if v / len(pages) > limit:
                    warnings.append(f"{program} {c['id']}/{k}: satisfied by {v}/{len(pages)} corpus pages")
    return warnings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="directory of Markdown pages for a false-positive report")
    ap.add_argument("--limit", type=float, default=0.10,
                    help="flag items satisfied by more than this share of corpus pages (default 0.10)")
    args = ap.parse_args()

    schema = json.loads((HERE / "pack.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors: list[str] = []
    results = {}
    for program, fname in PACK_FILES.items():
        path = HERE / fname
        if not path.exists():
            errors.append(f"{fname}: missing")
            continue
        results[program] = check_pack(program, path, schema, errors)

    for program, res in results.items():
        pack = res["pack"]
        total = sum(len(v) for v in res["summary"].values())
        print(f"{program}: {len(res['summary'])} controls, {total} items "
              f"(released {pack['validity']['released']}, valid-until {pack['validity'].get('valid-until')}, "
              f"usable-until {pack['validity'].get('usable-until')})")
        for c in pack["controls"]:
            ids = res["summary"][c["id"]]
            flags = [c["scope"]] + (["wafr-waivable"] if c.get("wafr-waivable") else []) \
                + ([f"applies-when {c['applies-when']}"] if c.get("applies-when") else [])
            print(f"  {c['id']:<12} {len(ids):>2} items  [{', '.join(flags)}]  {' '.join(ids)}")

    if args.corpus:
        for w in corpus_report(results, args.corpus, args.limit):
            print(f"warning: {w}")

    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"\n{'FAILED' if errors else 'OK'}: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

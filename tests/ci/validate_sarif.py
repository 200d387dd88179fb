#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON Schema.

Usage: validate_sarif.py FILE... [--schema SCHEMA]
The schema defaults to ../shared/schemas/sarif-2.1.0.json beside the project root.
Besides the schema, checks what GitHub code scanning relies on: one run, every ruleId in the
rules with the right ruleIndex, relative URIs without `./` or `file:`, a partial fingerprint.
Exit 0 when every file is valid, 1 otherwise. Needs `python3 -m pip install jsonschema`.
"""

import json
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-2.1.0.json"


def github_problems(log):
    problems = []
    runs = log.get("runs", [])
    if len(runs) != 1:
        problems.append(f"expected one run, found {len(runs)}")
    for run in runs:
        rules = run["tool"]["driver"].get("rules", [])
        ids = [rule["id"] for rule in rules]
        if len(set(ids)) != len(ids):
            problems.append("duplicate rule ids")
        for number, result in enumerate(run.get("results", [])):
            index = result.get("ruleIndex")
            if index is None or index >= len(rules) or rules[index]["id"] != result.get("ruleId"):
                problems.append(f"result {number}: ruleIndex does not point at ruleId {result.get('ruleId')!r}")
            if "evidencelint/v1" not in result.get("partialFingerprints", {}):
                problems.append(f"result {number}: no partial fingerprint")
            for location in result.get("locations", []):
                uri = location["physicalLocation"]["artifactLocation"]["uri"]
                if uri.startswith(("./", "/", "file:")) or " " in uri:
                    problems.append(f"result {number}: URI {uri!r} is not a clean relative URI")
    return problems


def main(argv):
    schema_path = DEFAULT_SCHEMA
    files = []
    args = iter(argv)
    for arg in args:
        if arg == "--schema":
            schema_path = pathlib.Path(next(args))
        else:
            files.append(pathlib.Path(arg))
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema) if "draft-07" in schema.get("$schema", "") else jsonschema.validators.validator_for(schema)(schema)
    failed = False
    for path in files:
        log = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        problems = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors] + github_problems(log)
        if problems:
            failed = True
            print(f"{path}: INVALID")
            for problem in problems[:50]:
                print(f"  {problem}")
        else:
            print(f"{path}: valid SARIF 2.1.0")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

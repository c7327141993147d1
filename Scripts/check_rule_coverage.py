#!/usr/bin/env python3
"""Checks that every rule in rules/dan-van has a rule test that makes it fire (a violated finding
expected) and one that keeps it quiet (exactly no findings expected).

usage: check_rule_coverage.py   (from anywhere; paths are relative to the repository)
Ends with `N passed, M failed`.
"""
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2-ish scalars: dates, yes/no stay text."""


for first, resolvers in list(Yaml12Loader.yaml_implicit_resolvers.items()):
    Yaml12Loader.yaml_implicit_resolvers[first] = [
        (t, rx) for t, rx in resolvers if t not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]


def rule_ids():
    ids = []
    folder = os.path.join(ROOT, "rules", "dan-van")
    for name in sorted(os.listdir(folder)):
        if name.endswith((".yaml", ".yml")):
            doc = yaml.load(open(os.path.join(folder, name), encoding="utf-8"), Loader=Yaml12Loader)
            ids += [r["id"] for r in doc.get("rules") or []]
    return ids


def main():
    fires, quiet = set(), set()
    folder = os.path.join(ROOT, "rules", "tests")
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")):
            continue
        doc = yaml.load(open(os.path.join(folder, name), encoding="utf-8"), Loader=Yaml12Loader)
        for test in doc.get("tests") or []:
            rules = test.get("rule")
            rules = rules if isinstance(rules, list) else [rules]
            expect = test.get("expect") or {}
            findings = expect.get("findings") or []
            if any(f.get("status") == "violated" for f in findings):
                fires.update(rules)
            if not findings and expect.get("exact", True):
                quiet.update(rules)
    passed, failed = 0, 0
    for rid in rule_ids():
        missing = [what for what, s in (("a firing test", fires), ("a quiet test", quiet)) if rid not in s]
        if missing:
            print(f"FAIL {rid}: no {' and no '.join(missing)} under rules/tests/")
            failed += 1
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

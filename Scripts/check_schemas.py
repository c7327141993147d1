#!/usr/bin/env python3
"""Validates every shipped YAML file against the JSON Schema its first line names, and checks that
the committed schema/ folder equals what `dvcheck schema` generates (one source of truth).

The schemas must work where rule authors meet them: yaml-language-server and other draft-07 tools.
So every schema is checked as draft-07 (and must not use later keywords such as
`unevaluatedProperties`, which draft-07 tools silently ignore), files are validated with
Draft7Validator, and typical typos in a rule (a misspelt common key, a misspelt key of the rule's
kind, a key of another kind, …) must each be rejected.

usage: check_schemas.py DVCHECK_BIN
Prints one line per problem and ends with `N passed, M failed`.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")
# Keywords later drafts added; a draft-07 validator or editor ignores them, so a schema using one
# would leave what it was meant to catch unchecked.
LATER_KEYWORDS = {"unevaluatedProperties", "unevaluatedItems", "$defs", "dependentRequired", "dependentSchemas",
                  "prefixItems", "$dynamicRef", "$anchor", "minContains", "maxContains"}


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML speaks YAML 1.1; dvcheck reads YAML 1.2 scalars (no, on, yes and dates stay text)."""


for first, resolvers in list(Yaml12Loader.yaml_implicit_resolvers.items()):
    Yaml12Loader.yaml_implicit_resolvers[first] = [
        (tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def shipped_yaml():
    for top in ("rules", "examples"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for name in sorted(files):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(dirpath, name)


def keywords(node):
    """Every key used as a keyword anywhere in a schema (property names under `properties` excluded)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("properties", "definitions"):
                for sub in v.values():
                    yield from keywords(sub)
            else:
                yield k
                yield from keywords(v)
    elif isinstance(node, list):
        for item in node:
            yield from keywords(item)


def draft7_problems(schema):
    problems = []
    if schema.get("$schema") != "http://json-schema.org/draft-07/schema#":
        problems.append(f"$schema is {schema.get('$schema')!r}, not draft-07")
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as exc:
        problems.append(f"not a valid draft-07 schema: {exc.message[:200]}")
    later = sorted(set(keywords(schema)) & LATER_KEYWORDS)
    if later:
        problems.append(f"uses keywords draft-07 tools ignore: {', '.join(later)}")
    return problems


def typo_cases():
    """(label, rejected-as-it-should) for a valid rule of each of two kinds and typos in them."""
    schema = json.load(open(os.path.join(ROOT, "schema", "rules.schema.json"), encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    frequency = {
        "id": "T-FREQ", "title": {"vi": "Tiếp dân", "en": "Receive citizens"},
        "source": {"document": "Chỉ thị", "clause": "2"}, "severity": "high",
        "applies_to": {"level": "commune", "not": {"tags": "remote"}},
        "effective": {"from": "2022-02-09", "to": None}, "kind": "frequency",
        "event": {"type": "citizen-reception", "where": {"role": "head"}}, "per": "week", "at_least": 1,
    }
    deadline = {
        "id": "T-DL", "title": "Answer petitions", "source": {"document": "Chỉ thị"}, "severity": "medium",
        "effective": {"from": "2022-02-09"}, "kind": "deadline",
        "trigger": {"type": "petition-received"}, "fulfil": {"type": "petition-answered"},
        "key": ["ref"], "within": "30 days",
        "overrides": [{"when": {"unit": {"tags": "remote"}}, "within": "45 days"}],
    }

    def valid(rule):
        return not list(validator.iter_errors({"rules": [rule]}))

    def changed(rule, **edits):
        out = json.loads(json.dumps(rule))
        for key, value in edits.items():
            path = key.split("__")
            target = out
            for part in path[:-1]:
                target = target[int(part)] if isinstance(target, list) else target[part]
            target[path[-1]] = value
        return out

    def renamed(rule, old, new):
        out = json.loads(json.dumps(rule))
        out[new] = out.pop(old)
        return out

    yield "a valid frequency rule is accepted", valid(frequency)
    yield "a valid deadline rule is accepted", valid(deadline)
    cases = [
        ("misspelt common key (severty)", renamed(frequency, "severity", "severty")),
        ("misspelt optional common key (partial_period)", changed(frequency, partial_period="evaluate")),
        ("misspelt kind-specific key (at_leats)", renamed(frequency, "at_least", "at_leats")),
        ("misspelt optional kind-specific key (extensons)",
         changed(deadline, extensons={"event": {"type": "x"}, "by": "10 days"})),
        ("key of another kind (within on a frequency rule)", changed(frequency, within="30 days")),
        ("key of another kind (per on a deadline rule)", changed(deadline, per="week")),
        ("misspelt kind (frequncy)", changed(frequency, kind="frequncy")),
        ("misspelt key in effective (too)", changed(frequency, effective={"from": "2022-02-09", "too": None})),
        ("misspelt selector key (levl)", changed(frequency, applies_to={"levl": "commune"})),
        ("misspelt key in a nested selector (tag)", changed(frequency, applies_to={"not": {"tag": "remote"}})),
        ("misspelt key in when (units)", changed(deadline, overrides__0__when={"units": {"tags": "remote"}})),
        ("misspelt event pattern key (wehre)", changed(frequency, event={"type": "x", "wehre": {"a": 1}})),
        ("misspelt where operator (inn)", changed(frequency, event={"type": "x", "where": {"a": {"inn": [1]}}})),
    ]
    for label, rule in cases:
        yield f"{label} is rejected", not valid(rule)


def main():
    binary = sys.argv[1]
    passed, failed = 0, 0

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([binary, "schema", "--output-dir", tmp], check=True, capture_output=True)
        for name in sorted(os.listdir(tmp)):
            committed = os.path.join(ROOT, "schema", name)
            fresh = open(os.path.join(tmp, name), encoding="utf-8").read()
            if not os.path.exists(committed) or open(committed, encoding="utf-8").read() != fresh:
                print(f"FAIL schema/{name} is stale: run `dvcheck schema --output-dir schema`")
                failed += 1
            else:
                passed += 1

    # Our generated schemas only: schema/vendor/ holds third-party ones (SARIF), not draft-07.
    for name in sorted(n for n in os.listdir(os.path.join(ROOT, "schema")) if n.endswith(".schema.json")):
        schema = json.load(open(os.path.join(ROOT, "schema", name), encoding="utf-8"))
        problems = draft7_problems(schema)
        for p in problems:
            print(f"FAIL schema/{name}: {p}")
        failed += 1 if problems else 0
        passed += 0 if problems else 1

    for label, ok in typo_cases():
        if ok:
            passed += 1
        else:
            print(f"FAIL typo case: {label}")
            failed += 1

    for path in shipped_yaml():
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            first = f.readline().rstrip("\n")
        m = HEADER.match(first)
        if not m:
            print(f"FAIL {rel}: the first line must be '# yaml-language-server: $schema=…'")
            failed += 1
            continue
        schema_path = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1)))
        try:
            schema = json.load(open(schema_path, encoding="utf-8"))
            data = yaml.load(open(path, encoding="utf-8"), Loader=Yaml12Loader)
            errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(data), key=lambda e: list(e.path))
        except Exception as exc:  # a broken schema or YAML is a failure, not a crash
            print(f"FAIL {rel}: {exc}")
            failed += 1
            continue
        if errors:
            for e in errors[:3]:
                print(f"FAIL {rel}: at {'/'.join(map(str, e.path)) or '(root)'}: {e.message[:200]}")
            failed += 1
        else:
            passed += 1

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

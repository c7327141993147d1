#!/usr/bin/env python3
"""Validates every shipped YAML file against the JSON Schema its first line names, and checks that
the committed schema/ folder equals what `dvcheck schema` generates (one source of truth).

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
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
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

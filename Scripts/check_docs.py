#!/usr/bin/env python3
"""Checks the documentation against the product and the repository's boundary:

- every property name of every shipped JSON Schema (schema/*.json) appears in docs/reference/;
- with DVCHECK_BIN set, every option of every subcommand's --help appears in docs/reference/;
- no Markdown file links to a path outside the repository or cites the SPEC folder that lives
  beside it (`../shared`); every relative link resolves to a file (and, for #anchors into
  Markdown, to a heading).

usage: check_docs.py          (from anywhere; DVCHECK_BIN=path/to/dvcheck adds the option check)
Prints one line per problem and ends with `N passed, M failed`.
"""
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "docs", "reference")
SKIP_DIRS = {".build", ".git", ".swiftpm", "node_modules"}
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|!\[[^\]]*\]\(\s*([^)\s]+)\s*\)")
HTML_LINK = re.compile(r"""(?:href|src)=["']([^"']+)["']""")
# Pages written on other branches at the same time, linked before they land: a link to one of them
# is reported but does not fail the check. Remove an entry once its page is merged.
ARRIVING: set[str] = set()
OUTSIDE_CITATION = re.compile(r"\.\./shared\b|(?<![\w/.-])shared/(?:SPEC|OBLIGATIONS|ARCHITECTURE|conformance|schemas)")


def markdown_files():
    # The repository's own pages: what git tracks or would track, never the ignored build trees and
    # generated benchmark projects (a `.build-bench` holds dependencies' pages with their own links).
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
        cwd=ROOT, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        for name in sorted(listed.stdout.splitlines()):
            path = os.path.join(ROOT, name)
            if os.path.isfile(path) and not any(part in SKIP_DIRS for part in name.split("/")):
                yield path
        return
    for dirpath, dirnames, files in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(files):
            if name.endswith(".md"):
                yield os.path.join(dirpath, name)


def schema_properties(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out.update(value.keys())
            schema_properties(value, out)
    elif isinstance(node, list):
        for item in node:
            schema_properties(item, out)


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`([^`]*)`", r"\1", heading.strip()).lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def anchors(path):
    found, counts = set(), {}
    in_code = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            s = slug(m.group(1))
            n = counts.get(s, 0)
            counts[s] = n + 1
            found.add(s if n == 0 else f"{s}-{n}")
    for m in re.finditer(r'<a (?:name|id)="([^"]+)"', open(path, encoding="utf-8").read()):
        found.add(m.group(1))
    return found


def without_code(text):
    """Markdown without fenced code blocks (links inside them are examples, not links)."""
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


def check_links(problems):
    checked = 0
    for path in markdown_files():
        rel = os.path.relpath(path, ROOT)
        text = open(path, encoding="utf-8").read()
        for n, line in enumerate(text.split("\n"), 1):
            if OUTSIDE_CITATION.search(line):
                problems.append(f"{rel}:{n}: cites a path outside the repository: {line.strip()[:100]}")
        prose = without_code(text)
        targets = [a or b for a, b in LINK.findall(prose)] + HTML_LINK.findall(prose)
        for target in targets:
            checked += 1
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, https:, mailto:
                continue
            file_part, _, anchor = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
            if os.path.relpath(resolved, ROOT).startswith(".."):
                problems.append(f"{rel}: links outside the repository: {target}")
                continue
            if not os.path.exists(resolved):
                if os.path.relpath(resolved, ROOT) in ARRIVING:
                    print(f"note: {rel}: links to {target}, which another branch adds")
                    continue
                problems.append(f"{rel}: broken link: {target}")
                continue
            if anchor and resolved.endswith(".md") and anchor not in anchors(resolved):
                problems.append(f"{rel}: no heading for anchor: {target}")
    return checked


def reference_text():
    return "\n".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(REFERENCE, "*.md"))))


def mentioned(word, text):
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


def check_schema_keys(text, problems):
    names = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "schema", "*.json"))):
        schema_properties(json.load(open(path, encoding="utf-8")), names)
    for name in sorted(names):
        if not mentioned(name, text):
            problems.append(f"docs/reference: schema key '{name}' is not documented")
    return len(names)


def check_options(binary, text, problems):
    commands = [["check"], ["validate"], ["test"], ["rules", "list"], ["rules", "doc"], ["schema"], ["explain"],
                ["history"], ["init"]]
    top = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
    listed = re.findall(r"^  ([a-z][a-z-]*)\s{2,}", top.split("SUBCOMMANDS:", 1)[-1], re.M)
    for name in listed:
        if [name] not in commands and not any(c[0] == name for c in commands):
            commands.append([name])
    count = 0
    for command in commands:
        help_text = subprocess.run([binary, *command, "--help"], capture_output=True, text=True).stdout
        if not mentioned("dvcheck " + " ".join(command), text):
            problems.append(f"docs/reference: command 'dvcheck {' '.join(command)}' is not documented")
        for option in sorted(set(re.findall(r"^\s+(--[a-z][a-z-]*)", help_text, re.M))):
            count += 1
            if option in ("--help", "--version"):
                continue
            if not mentioned(option, text):
                problems.append(f"docs/reference: option {option} of 'dvcheck {' '.join(command)}' is not documented")
    return count


def main():
    problems = []
    text = reference_text()
    if not text:
        problems.append("docs/reference/ holds no Markdown file")
    keys = check_schema_keys(text, problems)
    links = check_links(problems)
    options = 0
    binary = os.environ.get("DVCHECK_BIN")
    if binary:
        options = check_options(binary, text, problems)
    for p in problems:
        print("FAIL " + p)
    checks = keys + links + options
    print(f"{checks - len(problems)} passed, {len(problems)} failed "
          f"({keys} schema keys, {links} links, {options} options{'' if binary else ' (set DVCHECK_BIN to check them)'})")
    sys.exit(1 if problems else 0)


main()

#!/usr/bin/env bash
# Regenerates what is generated from the rule pack: the catalogue table in rules/README.md, and the
# copy of the pack and calendar that `dvcheck init` carries (Sources/ProjectStarter/EmbeddedPack.swift).
# `--check`: fail when either committed file is stale instead of rewriting it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${DVCHECK_BIN:-$(swift build --show-bin-path)/dvcheck}"
python3 Scripts/embed_pack.py ${1:+"$1"}
table="$("$BIN" rules doc --table-only --language en --rules rules/dan-van)"
python3 - "$table" "${1:-}" <<'PY'
import sys
table, mode = sys.argv[1], sys.argv[2]
path = "rules/README.md"
text = open(path, encoding="utf-8").read()
begin, end = "<!-- BEGIN GENERATED CATALOGUE -->\n", "<!-- END GENERATED CATALOGUE -->"
a, b = text.index(begin) + len(begin), text.index(end)
new = text[:a] + table.rstrip("\n") + "\n" + text[b:]
if mode == "--check":
    if new != text:
        print("rules/README.md: the catalogue is stale; run Scripts/update_catalogue.sh", file=sys.stderr)
        sys.exit(1)
    print("rules/README.md catalogue is up to date")
else:
    open(path, "w", encoding="utf-8").write(new)
    print("rules/README.md catalogue regenerated")
PY

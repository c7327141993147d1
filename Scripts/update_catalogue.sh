#!/usr/bin/env bash
# Regenerates what is generated from the rule pack: the catalogue table in rules/README.md, and the
# copy of the pack and calendar that `dvcheck init` carries (Sources/ProjectStarter/EmbeddedPack.swift);
# and from the diagnostic catalogue (Sources/ComplianceCore/Diagnostics/DiagnosticCodes.swift) the
# tables of docs/diagnostics.md. `--check`: fail when a committed file is stale instead of rewriting it.
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

# docs/diagnostics.md: the prose is written by hand, the tables between the GENERATED markers come
# from the code catalogue.
page="$("$BIN" diagnostics-doc docs/diagnostics.md; echo x)"
page="${page%x}"
if [ "${1:-}" = "--check" ]; then
    if ! diff -q <(printf '%s' "$page") docs/diagnostics.md >/dev/null; then
        echo "docs/diagnostics.md: the code tables are stale; run Scripts/update_catalogue.sh" >&2
        exit 1
    fi
    echo "docs/diagnostics.md code tables are up to date"
else
    printf '%s' "$page" > docs/diagnostics.md
    echo "docs/diagnostics.md code tables regenerated"
fi

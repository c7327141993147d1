#!/usr/bin/env bash
# The project's one test command (README, CI): format lint, build, unit tests, the SPEC's
# conformance sample, and the bundled example projects.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "swift format lint"
swift format lint --strict --recursive Sources Tests Package.swift

step "swift build"
swift build -Xswiftc -warnings-as-errors 2>&1 | tail -n 5
BIN="$(swift build --show-bin-path)/dvcheck"

step "swift test"
swift test 2>&1 | tail -n 40

step "conformance sample (../shared/conformance)"
CONF="${DVCHECK_CONFORMANCE:-../shared/conformance}"
if [ -x "$CONF/run.sh" ] || [ -f "$CONF/run.sh" ]; then
    bash "$CONF/run.sh" "$BIN" | tail -n 5
    # The SPEC §10 cases whose features exist (CASES selects them by prefix).
    CASES_DIR=cases-v2 CASES="213" bash "$CONF/run.sh" "$BIN" | tail -n 5
else
    echo "no conformance folder at $CONF (set DVCHECK_CONFORMANCE); skipped"
fi

step "rule tests (dvcheck test rules/tests) and their coverage"
"$BIN" test rules/tests | tail -n 3
python3 Scripts/check_rule_coverage.py | tail -n 3

step "generated catalogue and JSON Schemas are up to date; shipped YAML validates"
DVCHECK_BIN="$BIN" bash Scripts/update_catalogue.sh --check
python3 Scripts/check_schemas.py "$BIN" | tail -n 5

step "report formats with real consumers (SARIF schema, junitparser, LibreOffice, Chromium, icalendar)"
DVCHECK_SHARED="${DVCHECK_SHARED:-$(cd .. && pwd)/shared}" bash Scripts/check_reports.sh "$BIN" | tail -n 8

step "workbooks from openpyxl and LibreOffice read exactly as the same CSV (SPEC §10.7)"
python3 Scripts/check_xlsx_interop.py "$BIN" | tail -n 4

step "the Bắc Kạn example finds exactly its planted list (examples/bac-kan/README.md)"
python3 Scripts/check_example.py "$BIN" | tail -n 3

step "fuzzing: every libFuzzer target for a short budget (Fuzz/, with AddressSanitizer)"
bash Scripts/fuzz_all.sh "${DVCHECK_FUZZ_SECONDS:-10}" 2>&1 | tail -n 4

step "example projects validate and check"
for project in examples/*/; do
    [ -f "$project/dvcheck.yaml" ] || continue
    "$BIN" validate --project "$project" >/dev/null
    set +e
    "$BIN" check --project "$project" --format json >/dev/null
    rc=$?
    set -e
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "check on $project exited $rc" >&2
        exit 1
    fi
    echo "ok: $project (check exit $rc)"
done

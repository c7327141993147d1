#!/usr/bin/env bash
# Checks every report format of a built dvcheck with real consumers:
#   Scripts/check_reports.sh /path/to/dvcheck
# SARIF against the OASIS schema (jsonschema), JUnit with junitparser, CSV through LibreOffice
# Calc, HTML in headless Chromium (chromedriver + Selenium), iCalendar with icalendar; plus
# byte-for-byte determinism, the history (new / persisting / resolved, a run killed inside its
# history transaction), --baseline and --fail-on-new. Builds nothing. Ends with "N passed, M failed".
# Needs: chromium chromium-driver libreoffice-calc-nogui poppler-utils (apt); jsonschema junitparser icalendar
# selenium (pip); Scripts/install-prerequisites.sh installs them. The SARIF schema is the vendored
# copy in schema/vendor/ (schema/vendor/README.md says where it comes from).
set -u
if [ $# -lt 1 ]; then echo "usage: $0 path/to/dvcheck" >&2; exit 64; fi
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/Scripts/check_reports"
SCHEMA="$ROOT/schema/vendor/sarif-schema-2.1.0.json"
EXAMPLE="$ROOT/examples/bac-kan"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export NO_COLOR=1
pass=0
fail=0

# check NAME COMMAND...: runs the command, counts it, shows its last line (or its output on failure).
check() {
    local name="$1" log
    shift
    if log="$("$@" 2>&1)"; then
        pass=$((pass + 1))
        echo "PASS $name${log:+: ${log##*$'\n'}}"
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        printf '%s\n' "$log" | tail -n 15 | sed 's/^/    /'
    fi
}

# run PROJECT OUT FORMAT [ARGS...]: a check whose exit code is 0 or 1 (findings) counts as run.
run() {
    local project="$1" out="$2" format="$3"
    shift 3
    "$BIN" check --project "$project" --format "$format" --output "$out" --quiet "$@" 2>"$out.err"
    local rc=$?
    [ "$rc" -le 1 ] || { echo "exit $rc"; cat "$out.err"; return 1; }
}

# same_bytes PROJECT FORMAT [ARGS...]: two runs write identical bytes.
same_bytes() {
    local project="$1" format="$2"
    shift 2
    run "$project" "$TMP/a.$format" "$format" "$@" && run "$project" "$TMP/b.$format" "$format" "$@" \
        && cmp "$TMP/a.$format" "$TMP/b.$format" && echo "deterministic"
}

python3 "$HERE/make_fixture.py" "$TMP/hostile"
for name in example hostile; do
    if [ "$name" = example ]; then project="$EXAMPLE"; else project="$TMP/hostile"; fi
    out="$TMP/$name"
    for format in json sarif junit csv html ics; do
        check "$name: --format $format runs" run "$project" "$out.$format" "$format"
    done
    check "$name: sarif" python3 "$HERE/sarif_check.py" "$out.sarif" "$SCHEMA" "$out.json"
    check "$name: junit" python3 "$HERE/junit_check.py" "$out.junit" "$out.json"
    check "$name: csv" python3 "$HERE/csv_check.py" "$out.csv" "$out.json"
    check "$name: html" python3 "$HERE/html_check.py" "$out.html" "$out.json" "$TMP/$name-screenshot.png"
    check "$name: ics" python3 "$HERE/ics_check.py" "$out.ics" "$out.json"
done
for format in sarif junit csv html ics; do
    check "example: $format is byte-for-byte stable" same_bytes "$EXAMPLE" "$format"
done
catalogue() {
    "$BIN" rules doc --project "$EXAMPLE" --format html --output "$TMP/catalogue.html" \
        && "$BIN" rules list --project "$EXAMPLE" >"$TMP/rules.txt" || return 1
    python3 "$HERE/catalogue_check.py" "$TMP/catalogue.html" "$TMP/rules.txt"
}
check "example: the HTML rule catalogue renders, anchors every rule and searches" catalogue
rerender() {
    local format="$1"
    run "$EXAMPLE" "$TMP/rr.json" json && run "$EXAMPLE" "$TMP/rr-check.$format" "$format" || return 1
    "$BIN" report "$TMP/rr.json" --format "$format" --output "$TMP/rr-report.$format" 2>/dev/null
    [ $? -le 1 ] && cmp "$TMP/rr-check.$format" "$TMP/rr-report.$format" && echo "report = check"
}
for format in text sarif junit csv html ics; do
    check "example: report renders $format as check does" rerender "$format"
done

# History: two runs compared, the same through --baseline, then a run killed inside its write.
H="$TMP/history.sqlite"
check "history: first run" run "$EXAMPLE" "$TMP/h1.json" json --as-of 2025-03-31 --history "$H"
check "history: second run" run "$EXAMPLE" "$TMP/h2.json" json --as-of 2025-09-30 --history "$H"
check "baseline: same marks without a database" run "$EXAMPLE" "$TMP/b2.json" json --as-of 2025-09-30 \
    --baseline "$TMP/h1.json"
check "history: marks and resolved" python3 "$HERE/history_check.py" "$TMP/h1.json" "$TMP/h2.json" "$TMP/b2.json"
history_views() {
    python3 - "$H" "$TMP/h2.json" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
result = json.load(open(sys.argv[2], encoding="utf-8"))
run_id, new, resolved = db.execute("SELECT id, new, resolved FROM run ORDER BY id DESC LIMIT 1").fetchone()
marked = [f for f in result["findings"] if f.get("change") == "new" and f["status"] == "violated"]
assert new == len(marked), (new, len(marked))
rows = db.execute("SELECT COUNT(*) FROM finding WHERE run_id = ? AND status = 'resolved'", (run_id,)).fetchone()[0]
assert rows == resolved == len(result["resolved"]), (rows, resolved, len(result["resolved"]))
assert db.execute("SELECT COUNT(*) FROM finding WHERE run_id = ? AND unit_name IS NULL", (run_id,)).fetchone()[0] == 0
open_total = db.execute("SELECT SUM(violations) FROM open_violations_by_district").fetchone()[0]
assert open_total == result["summary"]["violated"], (open_total, result["summary"]["violated"])
ttr = db.execute("SELECT COUNT(*), MIN(days_open) FROM time_to_resolution").fetchone()
assert ttr[0] == resolved and (ttr[1] is None or ttr[1] >= 0), ttr
print(f"views: {open_total} open violations by district, {new} new, {resolved} resolved with their days open")
PY
}
check "history: names, resolved rows and views" history_views
trend_chart() {
    run "$EXAMPLE" "$TMP/ht.html" html --as-of 2025-12-31 --history "$H" --no-record \
        && run "$EXAMPLE" "$TMP/ht.json" json --as-of 2025-12-31 --history "$H" --no-record || return 1
    python3 "$HERE/html_check.py" "$TMP/ht.html" "$TMP/ht.json" "$TMP/ht.png"
}
check "history: html trend chart of the recorded runs and this one" trend_chart
for format in sarif junit csv html ics text; do
    check "baseline: $format shows the marks" run "$EXAMPLE" "$TMP/b2.$format" "$format" --as-of 2025-09-30 \
        --baseline "$TMP/h1.json"
done
check "baseline: html with marks renders" python3 "$HERE/html_check.py" "$TMP/b2.html" "$TMP/b2.json" \
    "$TMP/b2.png"
check "baseline: junit with marks parses" python3 "$HERE/junit_check.py" "$TMP/b2.junit" "$TMP/b2.json"
check "baseline: sarif with marks is valid" python3 "$HERE/sarif_check.py" "$TMP/b2.sarif" "$SCHEMA" \
    "$TMP/b2.json"
resolved_rows() {
    python3 - "$TMP/b2.csv" "$TMP/b2.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
marks = [r["change"] for r in rows]
result = json.load(open(sys.argv[2], encoding="utf-8"))
assert marks.count("resolved") == len(result["resolved"]), (marks.count("resolved"), len(result["resolved"]))
assert marks[: len(result["findings"])] == [f["change"] for f in result["findings"]]
print(f"{marks.count('resolved')} resolved rows, marks match the JSON")
PY
}
check "baseline: csv carries the marks and resolved rows" resolved_rows
fail_on_new() {
    "$BIN" check --project "$EXAMPLE" --as-of 2025-09-30 --format json --quiet --baseline "$TMP/b2.json" \
        --fail-on-new info >/dev/null 2>&1
    [ $? -eq 0 ] || { echo "a run compared with itself has no new violation, yet failed"; return 1; }
    local expect
    expect=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(1 if any(f["status"]=="violated" and f.get("change")=="new" and f["severity"] in ("critical","high") for f in d["findings"]) else 0)' "$TMP/b2.json")
    "$BIN" check --project "$EXAMPLE" --as-of 2025-09-30 --format json --quiet --baseline "$TMP/h1.json" \
        --fail-on-new high >/dev/null 2>&1
    local rc=$?
    [ "$rc" -eq "$expect" ] || { echo "exit $rc, expected $expect"; return 1; }
    echo "exit $rc as expected"
}
check "--fail-on-new" fail_on_new
no_record() {
    run "$EXAMPLE" "$TMP/nr.sarif" sarif --as-of 2025-09-30 --history "$H" --no-record || return 1
    python3 - "$H" "$TMP/nr.sarif" <<'PY'
import json, sqlite3, sys
assert sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM run").fetchone()[0] == 2, "a run was recorded"
states = {r.get("baselineState") for r in json.load(open(sys.argv[2]))["runs"][0]["results"]}
assert states == {"unchanged"}, states  # compared with the second run: nothing new
print("compared without recording")
PY
}
check "history: --no-record compares and records nothing" no_record
killed_run() {
    DVCHECK_TEST_KILL_IN_HISTORY_WRITE=1 "$BIN" check --project "$EXAMPLE" --as-of 2025-12-31 --format json \
        --quiet --history "$H" >/dev/null 2>&1
    local rc=$?
    [ "$rc" -eq 137 ] || { echo "expected the run to be killed (137), got $rc"; return 1; }
    python3 - "$H" <<'PY' || return 1
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
runs = [r[0] for r in db.execute("SELECT as_of FROM run ORDER BY id")]
assert runs == ["2025-03-31", "2025-09-30"], runs
assert db.execute("SELECT COUNT(*) FROM finding WHERE run_id > 2").fetchone()[0] == 0
print("killed inside the transaction (137); history intact: 2 runs, integrity ok")
PY
}
check "history: a run killed mid-write leaves it as it was" killed_run
history_view() {
    "$BIN" history --history "$H" --last 2 >"$TMP/history.txt" || return 1
    grep -q "31/03/2025" "$TMP/history.txt" && grep -q "30/09/2025" "$TMP/history.txt" \
        && grep -q "Vi phạm theo mức độ" "$TMP/history.txt" && grep -q "Huyện ủy" "$TMP/history.txt" \
        && echo "runs and trends shown"
}
check "history: dvcheck history --last 2" history_view

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

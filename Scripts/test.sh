#!/usr/bin/env bash
# The project's test command (README, CI).
#
#   Scripts/test.sh          fast: format lint, build, unit tests, docs, generated files, rule tests,
#                            the example's planted findings, and the conformance sample when present
#   Scripts/test.sh --full   also: every report format read by its real consumer (Chromium,
#                            LibreOffice, junitparser, icalendar, the SARIF schema), fuzzing, and the
#                            example projects (CI runs this one: .ci/run)
#
# Every step's output goes to a log: one line on success, the whole log on failure. The run ends
# with a summary of what ran, what was skipped and why, and what failed.
#
# A step whose tools are missing fails the run, unless DVCHECK_SKIP names the step or the missing
# tool (DVCHECK_SKIP=reports or DVCHECK_SKIP=chromium,libreoffice). The conformance sample lives
# outside the repository (../shared/conformance, or DVCHECK_CONFORMANCE=DIR): it is the one optional
# step, run when present and listed in the summary when not.
# Scripts/install-prerequisites.sh installs every tool the steps need (Debian and PyPI packages).
set -uo pipefail
cd "$(dirname "$0")/.."

FULL=0
case "${1:-}" in
    --full) FULL=1 ;;
    "") ;;
    *) echo "usage: $0 [--full]" >&2; exit 64 ;;
esac

LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
RAN=()
SKIPPED=()
FAILED=()

# step NAME COMMAND...: runs the command with its output in a log; prints the log's last line when
# it passes (tests and checks end with their counts) and the whole log when it fails.
step() {
    local name="$1" log="$LOGS/$1.log" start=$SECONDS
    shift
    printf '== %s ... ' "$name"
    if "$@" >"$log" 2>&1; then
        RAN+=("$name")
        # The closing line (Swift Testing's "Test run with N tests …", "N passed, M failed") alone on
        # its line, so CI and people read it as the tool wrote it.
        printf 'ok (%ss)\n%s\n' "$((SECONDS - start))" "$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 | sed 's/^[[:space:]]*//')"
        return 0
    fi
    FAILED+=("$name")
    printf 'FAILED (%ss)\n' "$((SECONDS - start))"
    sed 's/^/    /' "$log"
    return 1
}

# skip NAME REASON: records a skipped step.
skip() {
    SKIPPED+=("$1: $2")
    printf '== %s ... skipped: %s\n' "$1" "$2"
}

# skip_allowed NAME [TOOL...]: whether DVCHECK_SKIP names the step or one of the tools.
skip_allowed() {
    local word
    for word in "$@"; do
        [[ ",${DVCHECK_SKIP:-}," == *",$word,"* ]] && return 0
    done
    return 1
}

# needs NAME TOOL...: true when every tool is there (a command, or py:MODULE for a Python module).
# Otherwise the step is skipped if DVCHECK_SKIP allows it, else it fails the run.
needs() {
    local name="$1" tool missing=()
    shift
    for tool in "$@"; do
        case "$tool" in
            py:*) python3 -c "import ${tool#py:}" 2>/dev/null || missing+=("$tool") ;;
            *) command -v "$tool" >/dev/null 2>&1 || missing+=("$tool") ;;
        esac
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if skip_allowed "$name" "${missing[@]}"; then
        skip "$name" "missing ${missing[*]} (allowed by DVCHECK_SKIP)"
    else
        FAILED+=("$name")
        printf '== %s ... FAILED: cannot run, missing %s\n' "$name" "${missing[*]}"
        echo "    install them with Scripts/install-prerequisites.sh, or set DVCHECK_SKIP=$name to skip this step"
    fi
    return 1
}

summary() {
    echo
    echo "== summary ($([ "$FULL" -eq 1 ] && echo full || echo fast), ${SECONDS}s)"
    echo "ran:     ${RAN[*]:-none}"
    local s
    if [ ${#SKIPPED[@]} -eq 0 ]; then echo "skipped: none"; else
        echo "skipped:"
        for s in "${SKIPPED[@]}"; do echo "  - $s"; done
    fi
    echo "failed:  ${FAILED[*]:-none}"
    [ "$FULL" -eq 1 ] || echo "(Scripts/test.sh --full also runs: reports, fuzz, example-projects)"
    echo "steps: ${#RAN[@]} passed, ${#FAILED[@]} failed"
    [ ${#FAILED[@]} -eq 0 ]
}

# Steps run in the order below; a step that wants to be skipped by name must use `needs` or
# `skip_allowed` (see "conformance"). Add a step with one line: `needs NAME TOOLS && step NAME CMD`.

if skip_allowed lint; then skip lint "DVCHECK_SKIP"; else
    step lint swift format lint --strict --recursive Sources Tests Package.swift
fi

if ! step build swift build -Xswiftc -warnings-as-errors; then
    summary
    exit 1
fi
BIN="$(swift build --show-bin-path)/dvcheck"
export DVCHECK_BIN="$BIN"

# Swift Testing prints its summary line last ("Test run with N tests in M suites passed …").
step unit-tests swift test

# The reference manual: every schema key and option documented, no link leaving the repository, and
# its worked examples (docs/reference/examples) still what the tool does.
needs docs python3 && step docs bash -c \
    'python3 Scripts/check_docs.py && "$DVCHECK_BIN" test docs/reference/examples/tests'

needs generated python3 && step generated bash Scripts/update_catalogue.sh --check

needs schemas python3 py:jsonschema py:yaml && step schemas python3 Scripts/check_schemas.py "$BIN"

needs rule-tests python3 py:yaml && step rule-tests bash -c \
    '"$DVCHECK_BIN" test rules/tests && python3 Scripts/check_rule_coverage.py'

needs example python3 && step example python3 Scripts/check_example.py "$BIN"

# The 100k benchmark as a correctness smoke test of the fast paths (parallel blocks, batches): the
# per-rule counts of dvcheck on CSV and JSON Lines, DuckDB's SQL and the generator's must agree.
needs benchmark-smoke python3 py:duckdb && step benchmark-smoke python3 Benchmarks/smoke.py "$BIN"

# The SPEC's conformance sample: outside the repository, so optional. Engineers add case subsets
# (CASES_DIR=cases-v2 CASES="…") as further lines here.
CONF="${DVCHECK_CONFORMANCE:-../shared/conformance}"
if [ -f "$CONF/run.sh" ]; then
    step conformance bash "$CONF/run.sh" "$BIN"
    # The version-2 cases of the features that have landed: 201, 203, 206 close and pause deadlines;
    # 208 is the ratio kind, 211 silent units, 213 an .xlsx log.
    step conformance-v2 env CASES_DIR=cases-v2 CASES="201 203 206 208 211 213" bash "$CONF/run.sh" "$BIN"
else
    skip conformance "no sample at $CONF (it lives outside the repository; set DVCHECK_CONFORMANCE=DIR)"
fi

if [ "$FULL" -eq 1 ]; then
    needs reports python3 chromium chromedriver libreoffice py:jsonschema py:junitparser py:icalendar py:selenium \
        && step reports bash Scripts/check_reports.sh "$BIN"

    # Workbooks written by openpyxl and LibreOffice read exactly as the same CSV (.xlsx logs).
    needs xlsx-interop python3 libreoffice py:openpyxl \
        && step xlsx-interop python3 Scripts/check_xlsx_interop.py "$BIN"

    needs fuzz swift && step fuzz bash Scripts/fuzz_all.sh "${DVCHECK_FUZZ_SECONDS:-10}"

    example_projects() {
        local project rc
        for project in examples/*/; do
            [ -f "$project/dvcheck.yaml" ] || continue
            "$BIN" validate --project "$project" >/dev/null || { echo "validate failed on $project"; return 1; }
            "$BIN" check --project "$project" --format json >/dev/null
            rc=$?
            if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
                echo "check on $project exited $rc"
                return 1
            fi
            echo "ok: $project (check exit $rc)"
        done
    }
    step example-projects example_projects
fi

summary

#!/usr/bin/env bash
# Runs every libFuzzer target of Fuzz/ for SECONDS each (building once) and ends with
# "N passed, M failed". CI: Scripts/fuzz_all.sh 60 (about 6 minutes of fuzzing plus the build).
set -uo pipefail
cd "$(dirname "$0")/.."
BUDGET="${1:-60}"
if ! Scripts/fuzz.sh --build; then
    echo "fuzz build failed"
    echo "0 passed, 1 failed"
    exit 1
fi
passed=0
failed=0
for target in $(Scripts/fuzz.sh --list); do
    if FUZZ_SKIP_BUILD=1 Scripts/fuzz.sh "$target" "$BUDGET"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

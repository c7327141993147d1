#!/usr/bin/env bash
# Builds dvcheck's libFuzzer targets (the separate package in Fuzz/) with -sanitize=fuzzer,address and
# runs one of them for a time budget, starting from its seed corpus in Fuzz/Corpus/TARGET.
#
#   Scripts/fuzz.sh TARGET SECONDS        e.g. Scripts/fuzz.sh FuzzCSVReader 600
#   Scripts/fuzz.sh --list                the targets
#
# New interesting inputs go to a scratch corpus (not the repo); a crash, leak, timeout (10 s per input)
# or out-of-memory (2 GiB) input is saved under Fuzz/artifacts/TARGET/ and the script exits non-zero.
# Replay one with: "$(Scripts/fuzz.sh --bin-path)/TARGET" Fuzz/artifacts/TARGET/crash-…
# FUZZ_SKIP_BUILD=1 reuses the last build (Scripts/fuzz_all.sh builds once for all targets).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(FuzzYAMLComposer FuzzYAMLRecordReader FuzzCSVReader FuzzJSONLines FuzzDateParser FuzzRuleLoader FuzzXLSXReader)
SCRATCH="${DVCHECK_FUZZ_SCRATCH:-Fuzz/.build}"
FLAGS=(--package-path Fuzz --scratch-path "$SCRATCH" -c release
    --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library)

usage() {
    echo "usage: Scripts/fuzz.sh TARGET SECONDS   (targets: ${TARGETS[*]})" >&2
    exit 64
}

case "${1:-}" in
    --list) printf '%s\n' "${TARGETS[@]}"; exit 0 ;;
    --bin-path) swift build "${FLAGS[@]}" --show-bin-path; exit 0 ;;
    --build) swift build "${FLAGS[@]}" 2>&1 | grep -E 'error|warning: unre|Compiling|Build' | tail -n 5; exit "${PIPESTATUS[0]}" ;;
    "" | -*) usage ;;
esac
TARGET="$1"
BUDGET="${2:-60}"
[[ " ${TARGETS[*]} " == *" $TARGET "* ]] || usage
[[ "$BUDGET" =~ ^[0-9]+$ ]] || usage

if [ "${FUZZ_SKIP_BUILD:-0}" != "1" ]; then
    swift build "${FLAGS[@]}" --product "$TARGET" 2>&1 | tail -n 3
fi
BIN="$(swift build "${FLAGS[@]}" --show-bin-path)/$TARGET"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dvcheck-fuzz-corpus.XXXXXX")"
ARTIFACTS="Fuzz/artifacts/$TARGET"
mkdir -p "$ARTIFACTS"
export DVCHECK_FUZZ_TMP="$WORK"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/new"

echo "fuzzing $TARGET for ${BUDGET}s (seeds: Fuzz/Corpus/$TARGET)"
# No leak checks: Swift's lazily initialised globals (field specs, caches) look leaked to LeakSanitizer.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
"$BIN" "$WORK/new" "Fuzz/Corpus/$TARGET" \
    -max_total_time="$BUDGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$ARTIFACTS/" 2>"$WORK/log" || {
    status=$?
    tail -n 40 "$WORK/log" >&2
    echo "FAILED: $TARGET (exit $status); the input is in $ARTIFACTS/" >&2
    exit 1
}
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$WORK/log" || tail -n 3 "$WORK/log"
echo "ok: $TARGET"

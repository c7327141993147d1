#!/usr/bin/env python3
"""The benchmark as a CI smoke test: correctness of the fast paths, not speed.

    python3 Benchmarks/smoke.py DVCHECK_BINARY [--events 100000]

Generates the benchmark project (`Scripts/generate_project.py --seed 1`) as CSV and as JSON Lines in
a temporary folder, runs `dvcheck check` on both (its log files are large enough to be parsed in
parallel blocks), runs the DuckDB baseline on the CSV, and fails when the per-rule counts of
findings (satisfied / violated / pending) of dvcheck on either format, DuckDB and the generator's
expected.json are not all the same, or when a record was rejected. Needs `pip install duckdb`.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def dvcheck_counts(binary, project, out):
    run = subprocess.run([binary, "check", "--project", project, "--format", "json", "--output", out,
                          "--fail-on", "never", "--quiet"], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("dvcheck failed (%d) on %s:\n%s" % (run.returncode, project, run.stderr[-2000:]))
    with open(out, encoding="utf-8") as f:
        report = json.load(f)
    counts = {}
    for row in report["matrix"]:
        c = counts.setdefault(row["rule"], {"satisfied": 0, "violated": 0, "pending": 0})
        for status in c:
            c[status] += row[status]
    return counts, report


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        raise SystemExit(__doc__)
    binary = os.path.abspath(args[0])
    events = int(argv[argv.index("--events") + 1]) if "--events" in argv else 100000
    with tempfile.TemporaryDirectory(prefix="dvcheck-smoke-") as tmp:
        results = {}
        for fmt in ("csv", "jsonl"):
            project = os.path.join(tmp, fmt)
            subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_project.py"), "--events",
                            str(events), "--seed", "1", "--out", project, "--format", fmt],
                           check=True, capture_output=True)
            counts, report = dvcheck_counts(binary, project, os.path.join(tmp, fmt + ".json"))
            logs = report["inputs"]["logs"]
            rejected = sum(f["rejected"] for f in logs)
            if sum(f["accepted"] for f in logs) != events:
                raise SystemExit("dvcheck accepted %d of %d %s records" % (sum(f["accepted"] for f in logs), events, fmt))
            if rejected:
                raise SystemExit("dvcheck rejected %d generated %s records" % (rejected, fmt))
            results["dvcheck " + fmt] = counts
        with open(os.path.join(tmp, "csv", "expected.json"), encoding="utf-8") as f:
            results["expected"] = json.load(f)["by_rule"]
        duck = subprocess.run([sys.executable, os.path.join(HERE, "duckdb_baseline.py"), os.path.join(tmp, "csv"),
                               os.path.join(tmp, "duckdb.json")], check=True, capture_output=True, text=True)
        results["DuckDB"] = json.loads(duck.stdout)["by_rule"]
    expected = results["expected"]
    failed = False
    for name, counts in results.items():
        if counts != expected:
            failed = True
            for rule in sorted(set(counts) | set(expected)):
                if counts.get(rule) != expected.get(rule):
                    print("%s: %s has %s, expected %s" % (name, rule, counts.get(rule), expected.get(rule)))
    if failed:
        raise SystemExit("per-rule counts differ")
    print("ok: %d events, %d rules, dvcheck (CSV, JSON Lines), DuckDB and expected.json agree" % (
        events, len(expected)))


if __name__ == "__main__":
    main(sys.argv[1:])

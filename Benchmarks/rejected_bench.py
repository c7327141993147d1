#!/usr/bin/env python3
"""Bad input at scale: 2,000,000 rejected records (bad dates) in one log, as CSV, JSON Lines and
YAML, each checked by dvcheck under /usr/bin/time -v (wall time, peak RSS). The diagnostics are
capped per code and file (SPEC §10.6), so memory must stay flat however many records are refused.

    python3 Benchmarks/rejected_bench.py BINARY [--records 2000000] [--runs 1] [--before BINARY]

The projects are written under Benchmarks/data/rejected-* (git-ignored), from the 100k benchmark
project's units, rules and vocabulary (generated when missing). Prints a Markdown table for
Benchmarks/RESULTS.md; fails when a run does not report every record as rejected.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")


def project(fmt, records):
    base = os.path.join(DATA, "csv-100000")
    if not os.path.exists(os.path.join(base, "expected.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_project.py"), "--events", "100000",
                        "--seed", "1", "--out", base, "--format", "csv"], check=True)
    out = os.path.join(DATA, "rejected-%s-%d" % (fmt, records))
    log = os.path.join(out, "logs", "bad." + fmt)
    if os.path.exists(log):
        return out
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(base, out, ignore=shutil.ignore_patterns("logs"))
    os.makedirs(os.path.join(out, "logs"))
    # Known units and types, an impossible date: every record is rejected by the checker (log.bad-date).
    with open(log, "w", encoding="utf-8", newline="\n") as f:
        if fmt == "csv":
            f.write("id,unit,type,date\n")
        elif fmt == "yaml":
            f.write("events:\n")
        for i in range(records):
            if fmt == "csv":
                f.write("b%d,p01,dialogue,2024-02-3%d\n" % (i, i % 10))
            elif fmt == "jsonl":
                f.write('{"id": "b%d", "unit": "p01", "type": "dialogue", "date": "2024-02-3%d"}\n' % (i, i % 10))
            else:
                f.write("  - {id: b%d, unit: p01, type: dialogue, date: 2024-02-3%d}\n" % (i, i % 10))
    return out


def run(binary, directory):
    out = "/tmp/dvcheck-rejected.json"
    cmd = ["/usr/bin/time", "-v", binary, "check", "--project", directory, "--format", "json", "--output", out,
           "--fail-on", "never", "--quiet", "--max-rejected", "100000000"]
    p = subprocess.run(cmd, text=True, capture_output=True)
    if p.returncode not in (0, 1):
        raise SystemExit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    seconds = float(wall.group(3)) + 60 * int(wall.group(2)) + 3600 * int(wall.group(1) or 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    with open(out, encoding="utf-8") as f:
        report = json.load(f)
    files = report.get("inputs", {}).get("logs") or report.get("logs") or []
    return seconds, rss, report, files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--records", type=int, default=2000000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--before")
    ap.add_argument("--formats", default="csv,jsonl,yaml")
    a = ap.parse_args()
    rows = []
    for fmt in a.formats.split(","):
        directory = project(fmt, a.records)
        size = os.path.getsize(os.path.join(directory, "logs", "bad." + fmt)) / 1e6
        for label, binary in [("after", a.binary)] + ([("before", a.before)] if a.before else []):
            for r in range(a.runs):
                seconds, rss, report, files = run(binary, directory)
                rejected = sum(f.get("rejected", 0) for f in files) if files else report["summary"].get("rejected")
                print("%-5s %-6s run %d: %.2f s, %.0f MiB, rejected %s" % (fmt, label, r + 1, seconds, rss, rejected),
                      file=sys.stderr)
                if rejected is not None and rejected != a.records:
                    raise SystemExit("%s: %s rejected, expected %d" % (fmt, rejected, a.records))
                rows.append((fmt, label, size, seconds, rss, rejected))
    print("| format | binary | log MB | records | wall | records/s | peak RSS |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for fmt, label, size, seconds, rss, rejected in rows:
        print("| %s | %s | %.0f | %s rejected | %.2f s | %s | %.0f MiB |" % (
            fmt, label, size, "{:,}".format(a.records if rejected is None else rejected), seconds,
            "{:,.0f}".format(a.records / seconds), rss))
    print("\nload average: %s" % " / ".join("%.1f" % x for x in os.getloadavg()))


if __name__ == "__main__":
    main()

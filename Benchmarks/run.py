#!/usr/bin/env python3
"""The dvcheck benchmark: generated projects of 100k, 1M and 10M events, dvcheck (CSV and JSON Lines)
against the DuckDB baseline in the same session, alternating the tools, medians of N runs; and
dvcheck on YAML logs, to show they stream in constant memory.

    python3 Benchmarks/run.py [--sizes 100000,1000000,10000000] [--runs 3] [--yaml-runs 1]
                              [--binary PATH] [--no-build] [--out Benchmarks/RESULTS.md]
                              [--before PATH|sequential|by-text] [--formats csv,jsonl,yaml]
                              [--national json,sarif,...]

Generates the projects once (seed 1) under Benchmarks/data/ (git-ignored), builds dvcheck in
release mode (.build-bench, unless --binary), installs duckdb from PyPI if missing, then per size
and run: dvcheck on the CSV project, dvcheck on the JSON Lines project, DuckDB on the CSV, each under
/usr/bin/time -v (wall time and peak RSS); in the first --yaml-runs runs also dvcheck on the YAML
project (slow: libyaml, so fewer runs by default). Checks that both tools find the same counts per rule and
status (and that they equal the generator's expected.json), and writes a Markdown report. The
dvcheck/DuckDB ratio is given against DuckDB's whole process and against its engine time (connect
to result, as `duckdb_baseline.py` reports it, without Python's start-up). `--before PATH` times a
second dvcheck binary (the commit before a change) in the same alternation, on every format, so a
change is measured against its starting point under the same load.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
# `--before` values that time the same binary under an environment variable instead of a second binary.
SAME_BINARY = {"sequential": "DVCHECK_SEQUENTIAL_LOGS", "by-text": "DVCHECK_YAML_BY_TEXT"}
NOTES = "<!-- notes: everything below is kept when run.py rewrites this file -->"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def ensure_duckdb():
    try:
        import duckdb  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "duckdb"], check=True)


def generate(size, fmt):
    out = os.path.join(DATA, "%s-%d" % (fmt, size))
    if not os.path.exists(os.path.join(out, "expected.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_project.py"), "--events", str(size),
                        "--seed", "1", "--out", out, "--format", fmt], check=True)
    return out


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v: (wall seconds, peak RSS MiB, stdout, stderr, CPU seconds)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, text=True, capture_output=True, env=env)
    if p.returncode not in (0, 1):
        raise SystemExit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    seconds = float(wall.group(3)) + 60 * int(wall.group(2)) + 3600 * int(wall.group(1) or 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % k, p.stderr).group(1)) for k in ("User", "System"))
    return seconds, rss, p.stdout, p.stderr, cpu


def dvcheck_counts(report_path):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    counts = {}
    for row in report["matrix"]:
        c = counts.setdefault(row["rule"], {"satisfied": 0, "violated": 0, "pending": 0})
        for status in ("satisfied", "violated", "pending"):
            c[status] += row[status]
    return dict(sorted(counts.items())), report["summary"]


def stats_lines(stderr):
    return [line for line in stderr.splitlines() if line.startswith("  ") or line.startswith("dvcheck stats")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,1000000,10000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--yaml-runs", type=int, default=1)
    ap.add_argument("--binary")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--before", help="a second dvcheck binary timed in the same runs (the starting point);"
                    " 'sequential' times the same binary with DVCHECK_SEQUENTIAL_LOGS=1, 'by-text' with"
                    " DVCHECK_YAML_BY_TEXT=1 (YAML logs read record by record as strings, as before the batches)")
    ap.add_argument("--formats", default="csv,jsonl,yaml", help="dvcheck's log formats to time")
    ap.add_argument("--national", metavar="FORMATS", help="instead: the national audit with no events (the units of"
                    " the largest --sizes project, empty logs, every finding violated), dvcheck writing each report"
                    " format given (e.g. json,sarif,csv,html,text) to a file; prints a section for RESULTS.md")
    a = ap.parse_args()
    formats = a.formats.split(",")
    sizes = [int(s) for s in a.sizes.split(",")]
    os.makedirs(DATA, exist_ok=True)
    ensure_duckdb()
    binary = a.binary
    if not binary:
        scratch = os.path.join(ROOT, ".build-bench")
        if not a.no_build:
            subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch], check=True, cwd=ROOT)
        binary = os.path.join(scratch, "release", "dvcheck")
    if a.national:
        return national(binary, max(sizes), a.national.split(","), a.runs, a.before)
    rows = []
    for size in sizes:
        csv_dir = generate(size, "csv")
        jsonl_dir = generate(size, "jsonl") if "jsonl" in formats else None
        yaml_dir = generate(size, "yaml") if a.yaml_runs > 0 and "yaml" in formats else None
        with open(os.path.join(csv_dir, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)["by_rule"]
        runs = {"csv": [], "jsonl": [], "duckdb": [], "yaml": [], "engine": [],
                "before-csv": [], "before-jsonl": [], "before-yaml": []}
        last = {}
        # User + system CPU seconds per run: on a shared machine the work done drifts less than the wall time.
        cpu = {}
        for r in range(a.runs):
            # Alternate the order of the tools between runs, so drift in the machine's load is shared.
            order = [t for t in ["csv", "jsonl", "duckdb"] if t in formats or t == "duckdb"]
            if a.before:
                order = [x for t in order for x in ([t, "before-" + t] if t != "duckdb" else [t])]
            if r % 2 == 1:
                order.reverse()
            if r < a.yaml_runs and yaml_dir:
                order += ["yaml", "before-yaml"] if a.before else ["yaml"]
            for tool in order:
                out = "/tmp/dvcheck-bench-%s-%d.json" % (tool, size)
                fmt = tool.replace("before-", "")
                if tool == "duckdb":
                    cmd = [sys.executable, os.path.join(HERE, "duckdb_baseline.py"), csv_dir, out]
                else:
                    project = {"csv": csv_dir, "jsonl": jsonl_dir, "yaml": yaml_dir}[fmt]
                    cmd = [a.before if tool.startswith("before-") else binary, "check", "--project", project,
                           "--format", "json", "--output", out, "--fail-on", "never", "--quiet", "--stats"]
                env = None
                if tool.startswith("before-") and a.before in SAME_BINARY:
                    cmd[0] = binary
                    env = dict(os.environ, **{SAME_BINARY[a.before]: "1"})
                wall, rss, stdout, stderr, used = timed(cmd, env)
                runs[tool].append((wall, rss))
                cpu.setdefault(tool, []).append(used)
                if tool == "duckdb":
                    runs["engine"].append((json.loads(stdout)["engine_seconds"], rss))
                last[tool] = (out, stdout, stderr)
                print("%9d %-12s run %d: %.2f s, %.0f MiB" % (size, tool, r + 1, wall, rss), file=sys.stderr)
        duck = json.loads(last["duckdb"][1])["by_rule"]
        csv_counts, summary = dvcheck_counts(last["csv"][0])
        jsonl_counts = dvcheck_counts(last["jsonl"][0])[0] if "jsonl" in last else None
        yaml_counts = dvcheck_counts(last["yaml"][0])[0] if "yaml" in last else None
        for tool in [t for t in last if t.startswith("before-")]:
            if dvcheck_counts(last[tool][0])[0] != csv_counts:
                raise SystemExit("%s: per-rule counts differ from the new binary's at %d" % (tool, size))
        rows.append({
            "size": size, "runs": runs, "cpu": cpu, "load": os.getloadavg(), "duck": duck, "csv": csv_counts, "jsonl": jsonl_counts, "yaml": yaml_counts,
            "expected": expected, "summary": summary, "stats": stats_lines(last["csv"][2]),
            "jsonl_stats": stats_lines(last["jsonl"][2]) if "jsonl" in last else [],
            "before": a.before,
            "log_mb": sum(os.path.getsize(os.path.join(csv_dir, "logs", n))
                          for n in os.listdir(os.path.join(csv_dir, "logs"))) / 1e6,
            "yaml_mb": sum(os.path.getsize(os.path.join(yaml_dir, "logs", n))
                           for n in os.listdir(os.path.join(yaml_dir, "logs"))) / 1e6 if yaml_dir else 0,
        })
    write_report(a.out, rows, binary, a.runs, a.yaml_runs)
    bad = [r["size"] for r in rows if not (r["duck"] == r["csv"] == r["expected"])
           or r["jsonl"] not in (None, r["expected"])
           or r["yaml"] not in (None, r["expected"])]
    if bad:
        raise SystemExit("per-rule counts differ at sizes %s" % bad)


def national(binary, size, formats, runs, before):
    """The no-events national audit: wall time, peak RSS and report size per format (medians)."""
    out = os.path.join(DATA, "national-%d" % size)
    if not os.path.exists(os.path.join(out, "units.yaml")):
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_project.py"), "--events", str(size),
                        "--seed", "1", "--out", out, "--no-events"], check=True)
    binaries = [("dvcheck", binary)] + ([("before", before)] if before else [])
    lines = ["| report | binary | wall (s) | peak RSS (MiB) | report size (MB) |", "|---|---|---:|---:|---:|"]
    for fmt in formats:
        for name, path in binaries:
            results = []
            for _ in range(runs):
                report = "/tmp/dvcheck-national.%s" % fmt
                wall, rss, _, _, _ = timed([path, "check", "--project", out, "--format", fmt, "--output", report,
                                         "--fail-on", "never", "--quiet"])
                results.append((wall, rss, os.path.getsize(report) / 1e6))
                os.remove(report)
                print("national %-5s %-8s %.1f s, %.0f MiB" % (fmt, name, wall, rss), file=sys.stderr)
            lines.append("| %s | %s | %.1f | %.0f | %.0f |" % (
                fmt, name, med([r[0] for r in results]), med([r[1] for r in results]), results[-1][2]))
    print("\n".join(lines))


def med(values):
    return statistics.median(values)


def write_report(path, rows, binary, runs, yaml_runs):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = re.search(r"model name\s*: (.*)", f.read()).group(1)
    except OSError:
        pass
    import duckdb
    lines = [
        "# dvcheck benchmark results",
        "",
        "Generated by `python3 Benchmarks/run.py` — do not edit by hand; see `Benchmarks/README.md`.",
        "",
        "* date: %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "* machine: %s, %d cores, %s, %s" % (cpu, os.cpu_count() or 0, platform.platform(), mem_total()),
        "* dvcheck: `%s` (%s build); DuckDB %s (Python %s)" % (
            os.path.relpath(binary, ROOT), "debug" if "/debug/" in binary else "release", duckdb.__version__,
            platform.python_version()),
        "* medians of %d runs per tool and size, the tools alternated (csv, jsonl, duckdb, then reversed);"
        " load average at the end: %s (the machine is shared: compare figures of the same run only)" % (
            runs, " / ".join("%.1f" % x for x in os.getloadavg())),
        "* commands: `dvcheck check --project DIR --format json --output FILE --fail-on never --quiet --stats`;"
        " `python3 Benchmarks/duckdb_baseline.py DIR FILE` (loads, parses and validates the CSV, evaluates"
        " `Benchmarks/baseline.sql`, writes the violations as JSON)",
        "",
        "* DuckDB engine: connect to result inside `duckdb_baseline.py`, without Python's start-up and import;"
        " the ratios in bold are dvcheck's wall time over it",
        "",
        "| events | CSV MB | dvcheck CSV | events/s | peak RSS | dvcheck JSONL | JSONL/CSV | peak RSS | DuckDB | DuckDB engine | peak RSS | CSV/DuckDB | **CSV/engine** | **JSONL/engine** |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        c = med([w for w, _ in r["runs"]["csv"]])
        j = med([w for w, _ in r["runs"]["jsonl"]]) if r["runs"]["jsonl"] else float("nan")
        d = med([w for w, _ in r["runs"]["duckdb"]])
        e = med([w for w, _ in r["runs"]["engine"]])
        jm = med([m for _, m in r["runs"]["jsonl"]]) if r["runs"]["jsonl"] else float("nan")
        lines.append("| %s | %.0f | %.2f s | %s | %.0f MiB | %.2f s | %.2f | %.0f MiB | %.2f s | %.2f s | %.0f MiB | %.2f | **%.2f** | **%.2f** |" % (
            "{:,}".format(r["size"]), r["log_mb"], c, "{:,.0f}".format(r["size"] / c),
            med([m for _, m in r["runs"]["csv"]]), j, j / c, jm, d, e,
            med([m for _, m in r["runs"]["duckdb"]]), c / d, c / e, j / e))
    if any(r["before"] for r in rows):
        before = rows[0]["before"]
        before = before if before in SAME_BINARY else os.path.relpath(before, ROOT)
        lines += ["", "The starting point, timed in the same runs (`--before %s`): wall time and peak RSS, and"
                  " after/before:" % before, "",
                  "| events | format | before | after | after/before | before RSS | after RSS | before/engine | after/engine | before CPU | after CPU |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            e = med([w for w, _ in r["runs"]["engine"]])
            for fmt in ("csv", "jsonl", "yaml"):
                if not r["runs"]["before-" + fmt] or not r["runs"][fmt]:
                    continue
                b = med([w for w, _ in r["runs"]["before-" + fmt]])
                n = med([w for w, _ in r["runs"][fmt]])
                lines.append("| %s | %s | %.2f s | %.2f s | **%.2f** | %.0f MiB | %.0f MiB | %.2f | %.2f | %.2f s | %.2f s |" % (
                    "{:,}".format(r["size"]), fmt, b, n, n / b, med([m for _, m in r["runs"]["before-" + fmt]]),
                    med([m for _, m in r["runs"][fmt]]), b / e, n / e, med(r["cpu"]["before-" + fmt]),
                    med(r["cpu"][fmt])))
    if any(r["runs"]["yaml"] for r in rows):
        lines += ["", "YAML logs, streamed (median of %d run(s); peak RSS beside the CSV run's, which holds the same"
                  " events):" % yaml_runs, "",
                  "| events | YAML MB | dvcheck YAML | events/s | peak RSS | CSV peak RSS | YAML − CSV |",
                  "|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            if not r["runs"]["yaml"]:
                continue
            y = med([w for w, _ in r["runs"]["yaml"]])
            ym = med([m for _, m in r["runs"]["yaml"]])
            cm = med([m for _, m in r["runs"]["csv"]])
            lines.append("| %s | %.0f | %.2f s | %s | %.0f MiB | %.0f MiB | %+.0f MiB |" % (
                "{:,}".format(r["size"]), r["yaml_mb"], y, "{:,.0f}".format(r["size"] / y), ym, cm, ym - cm))
    lines += ["", "All runs (wall s / peak MiB / user+system CPU s; load average after the size: %s):" %
              "; ".join("%s: %.1f" % ("{:,}".format(r["size"]), r["load"][0]) for r in rows), ""]
    for r in rows:
        for tool in ("csv", "before-csv", "jsonl", "before-jsonl", "duckdb", "engine", "yaml", "before-yaml"):
            if not r["runs"][tool]:
                continue
            used = r["cpu"].get(tool.replace("engine", "duckdb"), [])
            lines.append("* %s %s: %s" % ("{:,}".format(r["size"]), tool, ", ".join(
                "%.2f / %.0f" % run + (" / %.2f" % used[i] if tool != "engine" and i < len(used) else "")
                for i, run in enumerate(r["runs"][tool]))))
    lines += ["", "## Findings per rule (satisfied / violated / pending)", ""]
    for r in rows:
        lines.append("%s events — dvcheck on each format, DuckDB, the generator's expected.json:" %
                     "{:,}".format(r["size"]))
        lines.append("")
        keys = [k for k in ("csv", "jsonl", "yaml", "duck", "expected") if r[k] is not None]
        titles = {"csv": "dvcheck CSV", "jsonl": "dvcheck JSONL", "yaml": "dvcheck YAML", "duck": "DuckDB",
                  "expected": "expected"}
        lines.append("| rule | %s | same |" % " | ".join(titles[k] for k in keys))
        lines.append("|---" * (len(keys) + 2) + "|")
        for rule in sorted(r["expected"]):
            cells = [r[k].get(rule, {}) for k in keys]
            fmt = lambda c: "%d / %d / %d" % (c.get("satisfied", 0), c.get("violated", 0), c.get("pending", 0))
            same = all(c == cells[0] for c in cells)
            lines.append("| %s | %s | %s |" % (rule, " | ".join(map(fmt, cells)), "yes" if same else "**NO**"))
        lines.append("")
    lines += ["## Where dvcheck's time goes (`--stats` of the last CSV run)", ""]
    for r in rows:
        lines += ["%s events:" % "{:,}".format(r["size"]), "", "```"] + r["stats"] + ["```", ""]
    # Hand-written analysis after the marker survives a re-run.
    notes = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
        if NOTES in old:
            notes = old[old.index(NOTES):]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n" + (notes or NOTES + "\n"))
    print("wrote %s" % path, file=sys.stderr)


def mem_total():
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
        return "%.0f GiB RAM" % (kb / 1024 / 1024)
    except OSError:
        return "RAM unknown"


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times dvcheck on a 1-million-event project whose logs are Excel workbooks against the same
project as CSV (SPEC §10.7: aim for at most 4x the CSV time, in bounded memory).

The workbooks are written by openpyxl (write-only mode, as a real tool streams them) from the CSV
logs of `Scripts/generate_project.py --seed 1`: one workbook per CSV log, one sheet, a title row
above the header, dates as date cells formatted dd/mm/yyyy, text as shared strings. Both projects
are then checked in turn under /usr/bin/time -v (release build), and the report's per-rule counts
must agree. Appends nothing by itself: prints a Markdown section for Benchmarks/RESULTS.md.

usage: python3 Benchmarks/xlsx_bench.py [--events 1000000] [--runs 3] [--binary PATH]
"""
import argparse
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
sys.path.insert(0, HERE)
from run import timed  # noqa: E402  (the same /usr/bin/time -v measurement as run.py)


def generate_csv(events):
    out = os.path.join(DATA, "csv-%d" % events)
    if not os.path.exists(os.path.join(out, "expected.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_project.py"), "--events", str(events),
                        "--seed", "1", "--out", out, "--format", "csv"], check=True)
    return out


def to_workbook(csv_path, xlsx_path):
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sổ theo dõi")
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        ws.append(["SỔ THEO DÕI — " + os.path.basename(csv_path)])
        ws.append(header)
        date_column = header.index("date")
        for r in rows:
            cells = [v if v != "" else None for v in r]
            day = datetime.date.fromisoformat(r[date_column])
            cell = WriteOnlyCell(ws, value=day)
            cell.number_format = "dd/mm/yyyy"
            cells[date_column] = cell
            ws.append(cells)
    wb.save(xlsx_path)


def generate_xlsx(csv_dir, events):
    out = os.path.join(DATA, "xlsx-%d" % events)
    if os.path.exists(os.path.join(out, "expected.json")):
        return out
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(csv_dir, out, ignore=shutil.ignore_patterns("logs", "expected.json"))
    os.makedirs(os.path.join(out, "logs"))
    for name in sorted(os.listdir(os.path.join(csv_dir, "logs"))):
        to_workbook(os.path.join(csv_dir, "logs", name), os.path.join(out, "logs", name[:-4] + ".xlsx"))
    shutil.copy(os.path.join(csv_dir, "expected.json"), out)
    return out


def counts(report_path):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    out = {}
    for finding in report["findings"]:
        out.setdefault(finding["rule"], {}).setdefault(finding["status"], 0)
        out[finding["rule"]][finding["status"]] += 1
    logs = report["inputs"]["logs"]
    return out, sum(e["read"] for e in logs), sum(e["accepted"] for e in logs)


def size_mb(folder):
    return sum(os.path.getsize(os.path.join(folder, "logs", n)) for n in os.listdir(os.path.join(folder, "logs"))) / 1e6


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-bench", "release", "dvcheck"))
    a = ap.parse_args()
    csv_dir = generate_csv(a.events)
    xlsx_dir = generate_xlsx(csv_dir, a.events)
    results = {"csv": [], "xlsx": []}
    reports = {}
    for i in range(a.runs):
        for fmt, folder in (("csv", csv_dir), ("xlsx", xlsx_dir)) if i % 2 == 0 else (("xlsx", xlsx_dir), ("csv", csv_dir)):
            report = os.path.join(DATA, "xlsx-bench-%s.json" % fmt)
            seconds, rss, _, _ = timed([a.binary, "check", "--project", folder, "--format", "json", "--output", report,
                                        "--fail-on", "never", "--quiet"])
            results[fmt].append((seconds, rss))
            reports[fmt] = counts(report)
            print("%s run %d: %.2f s, %.0f MiB" % (fmt, i + 1, seconds, rss), file=sys.stderr)
    if reports["csv"] != reports["xlsx"]:
        raise SystemExit("the workbook project's findings or counts differ from the CSV project's:\n%s\n%s"
                         % (reports["csv"], reports["xlsx"]))
    med = {fmt: sorted(r[0] for r in results[fmt])[len(results[fmt]) // 2] for fmt in results}
    rss = {fmt: max(r[1] for r in results[fmt]) for fmt in results}
    print("| events | CSV MB | XLSX MB | dvcheck CSV | peak RSS | dvcheck XLSX | peak RSS | XLSX/CSV time | XLSX − CSV RSS |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("| {:,} | {:.0f} | {:.0f} | {:.2f} s | {:.0f} MiB | {:.2f} s | {:.0f} MiB | **{:.2f}** | {:+.0f} MiB |".format(
        a.events, size_mb(csv_dir), size_mb(xlsx_dir), med["csv"], rss["csv"], med["xlsx"], rss["xlsx"],
        med["xlsx"] / med["csv"], rss["xlsx"] - rss["csv"]))
    print()
    print("All runs (wall s / peak MiB): " + "; ".join(
        "%s %s" % (fmt, ", ".join("%.2f / %.0f" % r for r in results[fmt])) for fmt in results))
    print("Records read / accepted (both projects): %d / %d" % reports["csv"][1:])


if __name__ == "__main__":
    main()

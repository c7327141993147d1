#!/usr/bin/env python3
"""Times dvcheck on a 1-million-event project whose logs are Excel workbooks against the same
project as CSV (SPEC §10.7: aim for at most 4x the CSV time, in bounded memory).

The workbooks are written by openpyxl (write-only mode, as a real tool streams them) from the CSV
logs of `Scripts/generate_project.py --seed 1`: one workbook per CSV log, one sheet, a title row
above the header, dates as date cells formatted dd/mm/yyyy, text as shared strings. Both projects
are then checked in turn under /usr/bin/time -v (release build), and the report's per-rule counts
must agree. Prints a Markdown section; --write puts it into Benchmarks/RESULTS.md (after
run.py's notes marker, so run.py keeps it).

usage: python3 Benchmarks/xlsx_bench.py [--events 1000000] [--runs 3] [--binary PATH] [--write]
"""
import argparse
import csv
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

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
    ap.add_argument("--write", action="store_true", help="put the section into Benchmarks/RESULTS.md")
    a = ap.parse_args()
    load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "unknown"
    csv_dir = generate_csv(a.events)
    xlsx_dir = generate_xlsx(csv_dir, a.events)
    results = {"csv": [], "xlsx": []}
    reports = {}
    for i in range(a.runs):
        for fmt, folder in (("csv", csv_dir), ("xlsx", xlsx_dir)) if i % 2 == 0 else (("xlsx", xlsx_dir), ("csv", csv_dir)):
            report = os.path.join(DATA, "xlsx-bench-%s.json" % fmt)
            seconds, rss, _, err = timed([a.binary, "check", "--project", folder, "--format", "json", "--output", report,
                                        "--fail-on", "never", "--quiet"])
            cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % k, err).group(1)) for k in ("User", "System"))
            results[fmt].append((seconds, rss, cpu))
            reports[fmt] = counts(report)
            print("%s run %d: %.2f s, %.0f MiB, %.2f s CPU" % (fmt, i + 1, seconds, rss, cpu), file=sys.stderr)
    if reports["csv"] != reports["xlsx"]:
        raise SystemExit("the workbook project's findings or counts differ from the CSV project's:\n%s\n%s"
                         % (reports["csv"], reports["xlsx"]))
    med = {fmt: sorted(r[0] for r in results[fmt])[len(results[fmt]) // 2] for fmt in results}
    rss = {fmt: max(r[1] for r in results[fmt]) for fmt in results}
    cpu = {fmt: sorted(r[2] for r in results[fmt])[len(results[fmt]) // 2] for fmt in results}
    section = [
        SECTION,
        "",
        "Generated by `python3 Benchmarks/xlsx_bench.py` on %s (release build, medians of %d runs, the formats"
        " alternated; the machine's load average at the start: %s). The workbooks are the CSV logs of"
        " `generate_project.py --seed 1` written by openpyxl (title row, date cells shown dd/mm/yyyy, inline"
        " strings); both projects give the same per-rule counts." % (
            datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), a.runs, load),
        "",
        "| events | CSV MB | XLSX MB (XML inflated) | dvcheck CSV wall / CPU | peak RSS | dvcheck XLSX wall / CPU | peak RSS"
        " | XLSX/CSV wall | XLSX/CSV CPU | XLSX − CSV RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| {:,} | {:.0f} | {:.0f} ({:.0f}) | {:.2f} s / {:.2f} s | {:.0f} MiB | {:.2f} s / {:.2f} s | {:.0f} MiB | **{:.2f}**"
        " | **{:.2f}** | {:+.0f} MiB |".format(
            a.events, size_mb(csv_dir), size_mb(xlsx_dir), inflated_mb(xlsx_dir), med["csv"], cpu["csv"], rss["csv"],
            med["xlsx"], cpu["xlsx"], rss["xlsx"], med["xlsx"] / med["csv"], cpu["xlsx"] / cpu["csv"],
            rss["xlsx"] - rss["csv"]),
        "",
        "All runs (wall s / peak MiB / user+system CPU s): " + "; ".join(
            "%s %s" % (fmt, ", ".join("%.2f / %.0f / %.2f" % r for r in results[fmt])) for fmt in results),
        "",
    ]
    print("\n".join(section))
    if a.write:
        write_section(os.path.join(HERE, "RESULTS.md"), section)


SECTION = "## Excel workbooks as logs (`xlsx_bench.py`)"
NOTES = "<!-- notes: everything below is kept when run.py rewrites this file -->"


def write_section(path, section):
    """Puts the section right after run.py's notes marker (which run.py keeps), replacing an old one."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if SECTION in text:
        start = text.index(SECTION)
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + text[end + 1 if end >= 0 else len(text):]
    if NOTES not in text:
        text += "\n" + NOTES + "\n"
    at = text.index(NOTES) + len(NOTES) + 1
    text = text[:at] + "\n" + "\n".join(section) + "\n" + text[at:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s" % path, file=sys.stderr)


def inflated_mb(folder):
    total = 0
    for n in os.listdir(os.path.join(folder, "logs")):
        with zipfile.ZipFile(os.path.join(folder, "logs", n)) as z:
            total += sum(i.file_size for i in z.infolist() if i.filename.startswith("xl/worksheets/"))
    return total / 1e6

if __name__ == "__main__":
    main()

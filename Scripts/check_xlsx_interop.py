#!/usr/bin/env python3
"""Checks that dvcheck reads workbooks made by real spreadsheet software exactly as it reads the
same data as CSV (SPEC §10.7).

It writes one log as CSV, then as workbooks made three ways — openpyxl (a merged title row above the
header, dates as date cells formatted dd/mm/yyyy, numbers as numbers), LibreOffice converting the
CSV (`soffice --convert-to xlsx`: its own date detection, shared strings), and LibreOffice re-saving
the openpyxl workbook — and runs `dvcheck check` on each. The findings, the read / accepted /
rejected counts and the diagnostics (code, and which record) must be the same; only lines differ
(a CSV line against a sheet row).

usage: check_xlsx_interop.py DVCHECK_BIN      Ends with `N passed, M failed`.
Needs openpyxl (pip) and soffice (Debian libreoffice-calc-nogui).
"""
import csv
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

RULES = """rules:
  - id: F-M
    source: { document: "d", clause: "1" }
    title: Monthly reception with at least three people
    severity: high
    applies_to: { level: commune }
    effective: { from: 2023-01-01 }
    kind: frequency
    event: { type: citizen-reception, where: { participants: { gte: 3 } } }
    per: month
    at_least: 1
  - id: D-W
    source: { document: "d", clause: "2" }
    title: Weekly dialogue at most twice
    severity: low
    applies_to: { level: commune }
    effective: { from: 2023-01-01 }
    kind: frequency
    event: { type: dialogue }
    per: week
    at_most: 2
"""
UNITS = 6
HEADER = ["id", "unit", "type", "date", "participants", "note"]


def events():
    """The log's rows (strings as CSV holds them) and, per row, the date as a date when it is one."""
    rng = random.Random(20)
    rows = []
    for i in range(400):
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 150))
        unit = "x%d" % rng.randrange(1, UNITS + 1)
        kind = rng.choice(["citizen-reception", "citizen-reception", "dialogue"])
        participants = rng.choice(["1", "2", "3", "4", "7", "2.5", "10"])
        note = rng.choice(["", "Tiếp định kỳ", "có đơn, chuyển \"xử lý\"", "ít người"])
        rows.append(["e%04d" % i, unit, kind, day, participants, note])
    # Records each check refuses, so the diagnostics are compared too.
    rows[10][1] = "x99"  # unknown unit
    rows[20][0] = rows[19][0]  # duplicate id
    rows[30][3] = "31/02/2023"  # impossible date, kept as text
    rows[40][0] = ""  # missing id
    rows[50][3] = "15/3/2023"  # a text date, day first
    return rows


def csv_text(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            w.writerow([csv_text(v) for v in r])


def write_openpyxl(path, rows):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sổ tiếp dân"
    ws["A1"] = "SỔ TIẾP CÔNG DÂN"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(HEADER)
    for r in rows:
        cells = []
        for k, v in enumerate(r):
            if k == 4:
                cells.append(float(v) if "." in v else int(v))
            else:
                cells.append(v if v != "" else None)
        ws.append(cells)
        if isinstance(r[3], datetime.date):
            ws.cell(row=ws.max_row, column=4).number_format = "dd/mm/yyyy"
    wb.save(path)
    return 3  # the header's row


def soffice(src, outdir, infilter=None):
    cmd = ["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", outdir]
    if infilter:
        cmd += ["--infilter=" + infilter]
    subprocess.run(cmd + [src], check=True, capture_output=True, timeout=300,
                   env=dict(os.environ, HOME=os.path.dirname(outdir)))
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".xlsx")


def run(binary, project):
    p = subprocess.run([binary, "check", "--project", project, "--as-of", "2023-06-30", "--format", "json", "--max-rejected", "100"],
                       capture_output=True, timeout=120)
    if p.returncode not in (0, 1):
        raise RuntimeError("dvcheck exited %d: %s" % (p.returncode, p.stderr.decode()[:500]))
    return json.loads(p.stdout)


def summary(report, first_line):
    """What must not depend on the format: findings, counts, and diagnostics by record index."""
    findings = sorted(json.dumps({k: f.get(k) for k in ("rule", "unit", "status", "reason", "period", "count")},
                                 sort_keys=True) for f in report["findings"])
    logs = [(e["read"], e["accepted"], e["rejected"]) for e in report["inputs"]["logs"]]
    diags = sorted((d["code"], d.get("line", 0) - first_line) for d in report["diagnostics"])
    return {"findings": findings, "logs": logs, "diagnostics": diags}


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 64
    binary = os.path.abspath(sys.argv[1])
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        rows = events()

        def project(name, log_name):
            root = os.path.join(tmp, name)
            os.makedirs(os.path.join(root, "logs"))
            os.makedirs(os.path.join(root, "rules"))
            open(os.path.join(root, "dvcheck.yaml"), "w").write(
                "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n")
            open(os.path.join(root, "rules", "r.yaml"), "w").write(RULES)
            open(os.path.join(root, "units.yaml"), "w").write("units:\n" + "".join(
                '  - { id: x%d, name: "x%d", level: commune, kind: people-committee, parent: null, tags: [] }\n'
                % (i, i) for i in range(1, UNITS + 1)))
            return root, os.path.join(root, "logs", log_name)

        csv_root, csv_path = project("csv", "so.csv")
        write_csv(csv_path, rows)
        expected = summary(run(binary, csv_root), 2)

        variants = []
        py_root, py_path = project("openpyxl", "so.xlsx")
        header_row = write_openpyxl(py_path, rows)
        variants.append(("openpyxl (title row, dd/mm/yyyy date cells)", py_root, header_row + 1))

        lo_root, lo_path = project("libreoffice-csv", "so.xlsx")
        converted = soffice(csv_path, os.path.join(tmp, "lo-out"), infilter="CSV:44,34,76,1")
        shutil.copy(converted, lo_path)
        variants.append(("LibreOffice converting the CSV", lo_root, 2))

        re_root, re_path = project("libreoffice-resaved", "so.xlsx")
        resaved = soffice(py_path, os.path.join(tmp, "lo-resave"))
        shutil.copy(resaved, re_path)
        variants.append(("LibreOffice re-saving the openpyxl workbook", re_root, header_row + 1))

        for title, root, first in variants:
            got = summary(run(binary, root), first)
            if got == expected:
                print("PASS %s: %d findings, logs %s, %d diagnostics" % (
                    title, len(got["findings"]), got["logs"], len(got["diagnostics"])))
                passed += 1
            else:
                failed += 1
                print("FAIL %s" % title)
                for key in expected:
                    if got[key] != expected[key]:
                        print("  %s differs: csv %s\n  %s xlsx %s" % (key, expected[key][:8], " " * len(key), got[key][:8]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks that the Bắc Kạn example's findings equal the planted list in examples/bac-kan/README.md:
every violated finding (rule, unit, period, due, reason, days late or count) exactly as the table
lists it and nothing else, the waived and pending counts, and the summary.

usage: check_example.py DVCHECK_BIN      Ends with `N passed, M failed`.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(ROOT, "examples", "bac-kan", "README.md")


def planted_violations():
    text = open(README, encoding="utf-8").read()
    section = text.split("### The 60 planted violations", 1)[1].split("\n### ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 8 or not cells[0].isdigit():
            continue
        _, rule, unit, period, due, finding, ref, why = cells[:8]
        reason, _, amount = finding.partition(",")
        reason = reason.replace("(no candidate)", "").strip()
        # a row whose "why" starts with "guidance" is a rule with binding: guidance (SPEC §10.9)
        row = {"rule": rule, "unit": unit.strip("`"), "reason": reason,
               "binding": "guidance" if why.startswith("guidance") else "law"}
        if period:
            row["period"] = period
        if due:
            row["due"] = due
        amount = amount.strip()
        m = re.fullmatch(r"distance (-?\d+)", amount)
        if m:
            row["distance_days"] = int(m.group(1))
        m = re.fullmatch(r"(\d+) d", amount)
        if m:
            row["days_late"] = int(m.group(1))
        m = re.fullmatch(r"(\d+(?:\.\d)?)/(\d+(?:\.\d)?)", amount)
        if m:
            # counts, or a ratio's share and threshold in percent (85.7/90)
            row["actual"], row["expected"] = (float(g) if "." in g else int(g) for g in m.groups())
        if ref:
            row["ref"] = ref.strip("`")
        rows.append(row)
    return rows


def main():
    out = subprocess.run(
        [sys.argv[1], "check", "--project", os.path.join(ROOT, "examples", "bac-kan"), "--format", "json"],
        capture_output=True, text=True)
    doc = json.loads(out.stdout)
    findings = doc["findings"]
    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL " + what)

    check(out.returncode == 1, f"exit code {out.returncode}, expected 1")
    violated = [f for f in findings if f["status"] == "violated"]
    planted = planted_violations()
    check(len(planted) == 60, f"the README lists {len(planted)} planted violations, expected 60")
    unmatched = list(violated)
    for row in planted:
        hit = next((f for f in unmatched if all(f.get(k) == v for k, v in row.items())), None)
        check(hit is not None, "planted violation not found: " + json.dumps(row, ensure_ascii=False))
        if hit is not None:
            unmatched.remove(hit)
    check(sum(1 for row in planted if row["binding"] == "guidance") == 19,
          "the README marks 19 planted violations as guidance (CHƯA ĐẠT)")
    for f in unmatched:
        check(False, "violation not in the planted list: " + json.dumps(
            {k: f.get(k) for k in ("rule", "unit", "period", "due", "reason", "ref")}, ensure_ascii=False))
    waived = [f for f in findings if f["status"] == "waived"]
    check(sum(1 for f in waived if f.get("waiver") == 1 and f["period"] == "2025-W05") == 16, "16 findings waived by waiver 1")
    check(sum(1 for f in waived if f.get("waiver") == 2 and f["period"] == "2024-W37") == 2, "2 findings waived by waiver 2")
    check(len(waived) == 18, f"{len(waived)} waived findings, expected 18")
    pending = [f for f in findings if f["status"] == "pending"]
    check(len(pending) == 13, f"{len(pending)} pending findings, expected 13")
    check(sorted(f["rule"] for f in pending if f["unit"] == "bk" and f.get("period") == "2025")
          == ["DV2-TY-LE-KIEN-NGHI-TINH", "DV3-TY-LE-KN-TINH"], "the province's 2025 KPIs pending")
    # silent units (SPEC §10.3): listed, counted and warned about once each
    silent = ["bk.cd.x-ban-thi.cb-na-lom", "tn.mttq", "tn.x-ba-be.mttq", "tn.x-cao-minh.mttq",
              "tn.x-thuong-quan.mttq"]
    check(doc.get("silent_units") == silent, f"silent_units {doc.get('silent_units')}, expected {silent}")
    check(doc["summary"].get("silent_units") == 5, "summary.silent_units 5")
    # The message is in the project language; the unit id is its first quoted name in either.
    warned = sorted(line.split("'")[1] for line in out.stderr.splitlines()
                    if line.endswith("[unit.no-events]"))
    check(warned == silent, f"one unit.no-events warning per silent unit: {warned}")
    text = subprocess.run(
        [sys.argv[1], "check", "--project", os.path.join(ROOT, "examples", "bac-kan")],
        capture_output=True, text=True).stdout
    check(sum(1 for line in text.splitlines() if line.endswith("  không có dữ liệu")) == 5, "the text report marks the 5 silent units 'không có dữ liệu'")
    check(sum(1 for f in pending if f["rule"] == "DV2-DU-SINH-HOAT-CHI-BO" and f.get("due") == "2025-11-12") == 8,
          "8 heads' units pending with the next cell-meeting attendance due 2025-11-12")
    paused = [f for f in pending if f.get("reason") == "paused"]
    check(len(paused) == 1 and paused[0]["rule"] == "DV3-TC-GIAI-QUYET" and paused[0]["unit"] == "tn.ubnd"
          and paused[0].get("ref") == "TC-TN-UBND-2025-01" and paused[0].get("due") is None,
          "one case pending, paused, without a due date (TC-TN-UBND-2025-01)")
    # near misses that only closed_by and pause keep satisfied (SPEC §10.1)
    full = subprocess.run(
        [sys.argv[1], "check", "--project", os.path.join(ROOT, "examples", "bac-kan"), "--format", "json",
         "--include-satisfied"], capture_output=True, text=True)
    everything = json.loads(full.stdout)["findings"]

    def one(rule, ref):
        hits = [f for f in everything if f["rule"] == rule and f.get("ref") == ref]
        return hits[0] if len(hits) == 1 else {}

    closed = one("DV3-KN-GIAI-QUYET-LAN-1", "KN-TP-UBND-2024-02")
    check(closed.get("status") == "satisfied" and closed.get("reason") == "closed" and closed.get("due") == "2024-10-14",
          f"KN-TP-UBND-2024-02 withdrawn before its due date is satisfied, closed: {closed}")
    moved = one("DV3-TC-GIAI-QUYET", "TC-CD-UBND-2024-01")
    check(moved.get("status") == "satisfied" and moved.get("due") == "2024-11-20",
          f"TC-CD-UBND-2024-01 is satisfied by the due date its 20-day suspension moved to 2024-11-20: {moved}")
    s = doc["summary"]
    check((s["rules"], s["evaluated"], s["satisfied"], s["violated"], s["pending"], s["waived"])
          == (72, 6902, 6811, 60, 13, 18),
          f"summary {s}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerate the Bắc Kạn example: units.yaml and every file in logs/.

Run from anywhere:  python3 examples/bac-kan/make_logs.py
Python 3 standard library only (the Excel log is then built from its CSV source by
Scripts/make_example_workbook.py, which needs openpyxl); deterministic (no randomness, no clock): running it twice gives
byte-identical files. The committed units.yaml and logs/ are its output; edit this script, not them.

How the logs are built
  1. Systematic compliance: every recurring obligation of rules/dan-van/ gets, for every unit it
     applies to, an event in every period, placed on a working day of rules/calendars/vn.yaml.
     Every case (petition, complaint, denunciation, decision, supervision …) is answered well
     inside its time limit.
  2. Planted deviations: the PLANTED markers below remove, move or add events so that exactly the
     violations listed in README.md appear. Search this file for "PLANTED" to see all of them.
"""

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CALENDAR = os.path.join(HERE, "..", "..", "rules", "calendars", "vn.yaml")
AS_OF = date(2025, 9, 30)
OLD_END = date(2025, 6, 30)        # last day of Bắc Kạn's province, districts and old communes
NEW_FROM = date(2025, 7, 1)        # first day of the two-tier local government
DIRECTIVE = date(2022, 2, 9)
D = date


# --------------------------------------------------------------------------- calendar
class Calendar:
    """The working-day calendar, read from rules/calendars/vn.yaml with a few regular expressions
    (the file is flat: one holiday per line)."""

    def __init__(self, path):
        self.off = set()
        self.work = set()
        section = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                code = line.split("#", 1)[0]
                if re.match(r"^holidays:", code):
                    section = "holidays"
                    continue
                if re.match(r"^working_days:", code):
                    section = "working"
                    continue
                if re.match(r"^\S", code):
                    section = None
                    continue
                if section == "holidays":
                    m = re.search(r"date:\s*(\d{4}-\d\d-\d\d)", code)
                    if m:
                        self.off.add(D.fromisoformat(m.group(1)))
                    m = re.search(r"from:\s*(\d{4}-\d\d-\d\d),\s*to:\s*(\d{4}-\d\d-\d\d)", code)
                    if m:
                        a, b = D.fromisoformat(m.group(1)), D.fromisoformat(m.group(2))
                        while a <= b:
                            self.off.add(a)
                            a += timedelta(days=1)
                elif section == "working":
                    m = re.search(r"-\s*(\d{4}-\d\d-\d\d)", code)
                    if m:
                        self.work.add(D.fromisoformat(m.group(1)))

    def working(self, d):
        if d in self.work:
            return True
        return d.weekday() < 5 and d not in self.off

    def on_or_after(self, d):
        while not self.working(d):
            d += timedelta(days=1)
        return d

    def plus_days(self, d, n):
        """date + N days, rolled forward (SPEC §5)."""
        return self.on_or_after(d + timedelta(days=n))

    def plus_wd(self, d, n):
        """The N-th working day strictly after d (SPEC §5)."""
        if n == 0:
            return self.on_or_after(d)
        while n:
            d += timedelta(days=1)
            if self.working(d):
                n -= 1
        return d


CAL = Calendar(CALENDAR)


def wd(y, m, day):
    """The given day, or the next working day."""
    return CAL.on_or_after(D(y, m, day))


def months(first, last):
    """(year, month) pairs from first to last inclusive."""
    y, m = first
    while (y, m) <= last:
        yield y, m
        m += 1
        if m == 13:
            y, m = y + 1, 1


# --------------------------------------------------------------------------- units
PROVINCE_TO = "2025-06-30"
DISTRICTS = [
    # code, name, district type, tags
    ("tp", "Bắc Kạn", "Thành", []),
    ("bb", "Ba Bể", "Huyện", ["ethnic-minority"]),
    ("bt", "Bạch Thông", "Huyện", []),
    ("cd", "Chợ Đồn", "Huyện", []),
    ("cm", "Chợ Mới", "Huyện", []),
    ("nr", "Na Rì", "Huyện", ["ethnic-minority"]),
    ("ns", "Ngân Sơn", "Huyện", ["ethnic-minority"]),
    ("pn", "Pác Nặm", "Huyện", ["remote", "ethnic-minority"]),
]
# district code -> [(code, kind word, name, tags, successor commune code or None, cells)]
COMMUNES = {
    "tp": [("p-duc-xuan", "phường", "Đức Xuân", [], None, [("cb-to-7", "tổ 7")]),
           ("x-duong-quang", "xã", "Dương Quang", [], None, [("cb-na-pai", "thôn Nà Pài")])],
    "bb": [("x-nam-mau", "xã", "Nam Mẫu", ["remote", "ethnic-minority"], "x-ba-be",
            [("cb-pac-ngoi", "thôn Pác Ngòi")]),
           ("x-khang-ninh", "xã", "Khang Ninh", ["remote", "ethnic-minority"], "x-ba-be",
            [("cb-na-nieng", "thôn Nà Niểng")])],
    "bt": [("tt-phu-thong", "thị trấn", "Phủ Thông", [], None, [("cb-tieu-khu-3", "tiểu khu 3")]),
           ("x-cam-giang", "xã", "Cẩm Giàng", ["ethnic-minority"], None,
            [("cb-na-leng", "thôn Nà Lẹng")])],
    "cd": [("tt-bang-lung", "thị trấn", "Bằng Lũng", [], None, [("cb-ban-cong", "tổ Bản Công")]),
           ("x-ban-thi", "xã", "Bản Thi", ["remote", "ethnic-minority"], None,
            [("cb-na-lom", "thôn Nà Lồm")])],
    "cm": [("tt-dong-tam", "thị trấn", "Đồng Tâm", [], None, [("cb-to-2", "tổ 2")]),
           ("x-thanh-mai", "xã", "Thanh Mai", ["ethnic-minority"], None,
            [("cb-khuoi-deng", "thôn Khuổi Đeng")])],
    "nr": [("tt-yen-lac", "thị trấn", "Yến Lạc", [], None, [("cb-pan-xa", "tiểu khu Pàn Xả")]),
           ("x-kim-lu", "xã", "Kim Lư", ["ethnic-minority"], None, [("cb-na-ngan", "thôn Nà Ngàn")])],
    "ns": [("tt-na-phac", "thị trấn", "Nà Phặc", [], None, [("cb-tieu-khu-1", "tiểu khu 1")]),
           ("x-thuong-quan", "xã", "Thượng Quan", ["remote", "ethnic-minority"], "x-thuong-quan",
            [("cb-na-nang", "thôn Nà Nàng")])],
    "pn": [("x-cong-bang", "xã", "Công Bằng", ["remote", "ethnic-minority"], "x-cao-minh",
            [("cb-na-ly", "thôn Nà Ly"), ("cb-khuoi-khi", "thôn Khuổi Khí")]),
           ("x-co-linh", "xã", "Cổ Linh", ["remote", "ethnic-minority"], "x-cao-minh",
            [("cb-ban-moi", "thôn Bản Mới")])],
}
NEW_COMMUNES = [  # two-tier communes of the new Thái Nguyên province that took over example communes
    ("x-ba-be", "Ba Bể", ["remote", "ethnic-minority"],
     "hợp nhất Cao Thượng, Nam Mẫu, Khang Ninh"),
    ("x-thuong-quan", "Thượng Quan", ["remote", "ethnic-minority"], "giữ nguyên trạng xã Thượng Quan"),
    ("x-cao-minh", "Cao Minh", ["remote", "ethnic-minority"], "hợp nhất Công Bằng, Cổ Linh, Cao Tân"),
]


def build_units():
    U = []

    def add(uid, name, level, kind, parent, tags=(), frm=None, to=None, successor=None, note=None):
        U.append(dict(id=uid, name=name, level=level, kind=kind, parent=parent, tags=list(tags),
                      frm=frm, to=to, successor=successor, note=note))

    add("bk", "Tỉnh ủy Bắc Kạn", "province", "party-committee", None, to=PROVINCE_TO, successor="tn",
        note="hợp nhất vào tỉnh Thái Nguyên từ 01/7/2025")
    add("bk.ubnd", "Ủy ban nhân dân tỉnh Bắc Kạn", "province", "people-committee", "bk",
        to=PROVINCE_TO, successor="tn.ubnd")
    add("bk.mttq", "Ủy ban MTTQ Việt Nam tỉnh Bắc Kạn", "province", "mttq", "bk",
        to=PROVINCE_TO, successor="tn.mttq")
    add("bk.bdv", "Ban Dân vận Tỉnh ủy Bắc Kạn", "province", "agency", "bk", ["ban-dan-van"],
        to=PROVINCE_TO, note="từ 2025 là Ban Tuyên giáo và Dân vận Tỉnh ủy")
    add("bk.hnd", "Hội Nông dân tỉnh Bắc Kạn", "province", "mass-organization", "bk", to=PROVINCE_TO)
    add("bk.hlhpn", "Hội Liên hiệp Phụ nữ tỉnh Bắc Kạn", "province", "mass-organization", "bk",
        to=PROVINCE_TO)
    add("bk.so-tnmt", "Sở Tài nguyên và Môi trường tỉnh Bắc Kạn", "province", "agency", "bk.ubnd",
        ["state-administrative"], to="2025-02-28", successor="bk.so-nnmt",
        note="hợp nhất vào Sở Nông nghiệp và Môi trường từ 01/3/2025")
    add("bk.so-nnmt", "Sở Nông nghiệp và Môi trường tỉnh Bắc Kạn", "province", "agency", "bk.ubnd",
        ["state-administrative"], frm="2025-03-01", to=PROVINCE_TO)
    for code, name, dtype, tags in DISTRICTS:
        d = "bk." + code
        cap = "Thành ủy" if dtype == "Thành" else "Huyện ủy"
        place = ("thành phố " if dtype == "Thành" else "huyện ") + name
        add(d, f"{cap} {name}", "district", "party-committee", "bk", tags, to=PROVINCE_TO)
        add(d + ".ubnd", f"Ủy ban nhân dân {place}", "district", "people-committee", d, tags,
            to=PROVINCE_TO)
        add(d + ".mttq", f"Ủy ban MTTQ Việt Nam {place}", "district", "mttq", d, tags, to=PROVINCE_TO)
        for ccode, word, cname, ctags, succ, cells in COMMUNES[code]:
            c = f"{d}.{ccode}"
            s = f"tn.{succ}" if succ else None
            add(c, f"Đảng ủy {word} {cname}", "commune", "party-committee", d, ctags,
                to=PROVINCE_TO, successor=s)
            add(c + ".ubnd", f"Ủy ban nhân dân {word} {cname}", "commune", "people-committee", c,
                ctags, to=PROVINCE_TO, successor=(s + ".ubnd") if s else None)
            add(c + ".mttq", f"Ủy ban MTTQ Việt Nam {word} {cname}", "commune", "mttq", c, ctags,
                to=PROVINCE_TO, successor=(s + ".mttq") if s else None)
            for cell, cellname in cells:
                add(f"{c}.{cell}", f"Chi bộ {cellname}, {word} {cname}", "cell", "party-cell", c,
                    [t for t in ctags if t == "ethnic-minority"])
    add("tn", "Tỉnh ủy Thái Nguyên", "province", "party-committee", None, frm="2025-07-01",
        note="tỉnh Thái Nguyên mới (hợp nhất Bắc Kạn và Thái Nguyên)")
    add("tn.ubnd", "Ủy ban nhân dân tỉnh Thái Nguyên", "province", "people-committee", "tn",
        frm="2025-07-01")
    add("tn.mttq", "Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên", "province", "mttq", "tn", frm="2025-07-01")
    for code, name, tags, how in NEW_COMMUNES:
        c = "tn." + code
        add(c, f"Đảng ủy xã {name}", "commune", "party-committee", "tn", tags, frm="2025-07-01",
            note=how)
        add(c + ".ubnd", f"Ủy ban nhân dân xã {name}", "commune", "people-committee", c, tags,
            frm="2025-07-01")
        add(c + ".mttq", f"Ủy ban MTTQ Việt Nam xã {name}", "commune", "mttq", c, tags,
            frm="2025-07-01")
    return U


UNITS = build_units()
BYID = {u["id"]: u for u in UNITS}


def sel(level=None, kind=None, new=None, tag=None):
    out = []
    for u in UNITS:
        if level and u["level"] not in ([level] if isinstance(level, str) else level):
            continue
        if kind and u["kind"] not in ([kind] if isinstance(kind, str) else kind):
            continue
        if new is not None and u["id"].startswith("tn") != new:
            continue
        if tag and tag not in u["tags"]:
            continue
        out.append(u["id"])
    return out


def life(uid):
    u = BYID[uid]
    a = D.fromisoformat(u["frm"]) if u["frm"] else D(2000, 1, 1)
    b = D.fromisoformat(u["to"]) if u["to"] else AS_OF
    return a, min(b, AS_OF)


def short(uid):
    """A compact, unique code for case references: bk.pn.x-cong-bang.ubnd -> PN-CONGBANG-UBND."""
    parts = uid.split(".")
    if parts[0] == "bk":
        parts = parts[1:] or ["TU"]
    else:
        parts = [parts[0]] + (parts[1:] or ["TU"])
    return "-".join(re.sub(r"^(x|p|tt|cb)-", "", p).replace("-", "").upper() for p in parts)


def write_units(path):
    L = ["# yaml-language-server: $schema=../../schema/units.schema.json",
         "# Đơn vị của ví dụ Bắc Kạn — GENERATED by make_logs.py; edit the script, not this file.",
         "# Units of the Bắc Kạn example. The province, its 8 district-level units and 2 communes per",
         "# district, each with its party committee, people's committee and MTTQ committee; one or two",
         "# party cells per commune; the 2025 reform (district tier abolished and Bắc Kạn merged into",
         "# Thái Nguyên on 01/7/2025: every Bắc Kạn unit except the party cells ends on 2025-06-30).",
         "# Successors are named where the merger plan names the unit that took over (commune merger",
         "# per the draft plan of UBND tỉnh Bắc Kạn, 17/4/2025; verify against the final UBTVQH",
         "# resolution). Village (thôn) names of the cells are illustrative.",
         "units:"]
    for u in UNITS:
        L.append(f"  - id: {u['id']}")
        L.append(f"    name: {u['name']}")
        L.append(f"    level: {u['level']}")
        L.append(f"    kind: {u['kind']}")
        L.append(f"    parent: {u['parent'] or 'null'}")
        L.append(f"    tags: [{', '.join(u['tags'])}]")
        if u["frm"]:
            L.append(f"    from: {u['frm']}")
        if u["to"]:
            L.append(f"    to: {u['to']}")
        if u["successor"]:
            L.append(f"    successor: {u['successor']}")
        if u["note"]:
            L[-1] += f"   # {u['note']}"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")


# --------------------------------------------------------------------------- events
EVENTS = []       # dicts: file, unit, type, date (date), ref, attrs (dict), fmt (date format)


def ev(file, unit, typ, when, ref=None, fmt=None, **attrs):
    a, b = life(unit)
    assert a <= when <= b or file.startswith("sau-sap-xep") or attrs.get("_allow"), (unit, typ, when)
    attrs.pop("_allow", None)
    EVENTS.append(dict(file=file, unit=unit, type=typ, date=when, ref=ref, fmt=fmt,
                       attrs={k: v for k, v in attrs.items() if v is not None}))


def post(unit):
    """The file for events dated after the reform."""
    return "sau-sap-xep-2025.jsonl"


def idx(uid):
    return sum(map(ord, uid)) % 97


# ---- 1. citizen reception (mục 2) ------------------------------------------------------------
def rec_file(d):
    return "sau-sap-xep-2025.jsonl" if d >= NEW_FROM else f"tiep-cong-dan-{d.year}.csv"


def reception(unit, d, role="head", note=None, mode="periodic"):
    ev(rec_file(d), unit, "citizen-reception", d, role=role, mode=mode,
       participants=1 + (d.toordinal() + idx(unit)) % 7, note=note)


def weekly_commune_reception():
    communes = sel("commune", "people-committee")
    for n, u in enumerate(communes):
        a, b = life(u)
        new = u.startswith("tn.")
        pref = 0 if new else n % 5                          # new communes receive on Mondays
        monday = max(a, D(2022, 2, 14))
        monday -= timedelta(days=monday.weekday())
        while monday <= b:
            week = [monday + timedelta(days=k) for k in range(7)]
            iso = "%d-W%02d" % monday.isocalendar()[:2]
            days = [x for x in week if a <= x <= b and CAL.working(x)]
            later = [x for x in days if x.weekday() >= pref]
            day = later[0] if later else (days[-1] if days else None)
            monday += timedelta(days=7)
            if day is None:
                continue                                    # no working day (Tết Ất Tỵ 2025-W05)
            # PLANTED P1: Cẩm Giàng's chairman at a provincial course, no reception in 2022-W30
            if u == "bk.bt.x-cam-giang.ubnd" and iso == "2022-W30":
                continue
            # PLANTED P4 (waived): the Chợ Đồn communes lost 2024-W37 to the Yagi floods
            if u.startswith("bk.cd.") and iso == "2024-W37":
                continue
            # PLANTED P2: Cổ Linh, 2023-W33: the vice-chairman received instead of the chairman
            if u == "bk.pn.x-co-linh.ubnd" and iso == "2023-W33":
                reception(u, day, role="deputy", note="Phó Chủ tịch UBND xã tiếp thay")
                continue
            reception(u, day)


def monthly_reception(units, days_of_month, first=(2022, 2), skip=(), deputy=()):
    for u in units:
        a, b = life(u)
        for y, m in months(first, (b.year, b.month)):
            for k, dom in enumerate(days_of_month):
                day = wd(y, m, dom)
                if day.month != m:                          # e.g. 25/01/2025 is in Tết: go earlier
                    day = D(y, m, dom)
                    while not CAL.working(day):
                        day -= timedelta(days=1)
                if not (a <= day <= b) or day.month != m:
                    continue
                if (u, "%d-%02d" % (y, m), k) in skip:
                    continue
                if (u, "%d-%02d" % (y, m), k) in deputy:
                    reception(u, day, role="deputy", note="Phó Chủ tịch tiếp thay")
                    continue
                reception(u, day)


def receptions():
    weekly_commune_reception()
    # district chairmen: the 15th and the 25th (the Ngân Sơn practice), 2 sessions a month
    monthly_reception(sel("district", "people-committee"), [15, 25], skip={
        ("bk.nr.ubnd", "2023-03", 1),      # PLANTED P5: Na Rì, March 2023, second session dropped
        ("bk.bb.ubnd", "2022-10", 0),      # PLANTED P6: Ba Bể, October 2022, no session at all
        ("bk.bb.ubnd", "2022-10", 1)})     #   (its waiver expired on 2023-06-30)
    # provincial chairman: the 15th
    monthly_reception(["bk.ubnd", "tn.ubnd"], [15],
                      deputy={("bk.ubnd", "2022-10", 0)})  # PLANTED P7: the vice-chairman received
    # heads of departments: the 10th
    monthly_reception(sel("province", "agency", tag="state-administrative"), [10],
                      skip={("bk.so-tnmt", "2024-12", 0)})  # PLANTED P8
    # party secretaries: province and district the 20th; commune the 5th and the 20th
    monthly_reception(["bk", "tn"], [20])
    monthly_reception(sel("district", "party-committee"), [20],
                      skip={("bk.ns", "2023-07", 0)})       # PLANTED P9
    monthly_reception(sel("commune", "party-committee"), [5, 20], skip={
        ("bk.tp.p-duc-xuan", "2024-02", 1),                 # PLANTED P10
        ("tn.x-cao-minh", "2025-08", 1)})                   # PLANTED P11 (after the reform)
    # a few ad-hoc receptions (they count like any reception chaired by the head)
    reception("bk.ubnd", D(2023, 6, 7), mode="ad-hoc", note="Tiếp đột xuất đoàn đông người về GPMB")
    reception("bk.pn.ubnd", D(2024, 9, 23), mode="ad-hoc", note="Sau bão số 3 (Yagi)")
    # not evaluated: dated after the as-of date, and outside its unit's life (warnings)
    ev("sau-sap-xep-2025.jsonl", "tn.ubnd", "citizen-reception", D(2025, 10, 15), role="head",
       mode="periodic", note="Lịch tiếp công dân định kỳ tháng 10 (đã lên lịch)", _allow=True)
    ev("sau-sap-xep-2025.jsonl", "bk.pn.ubnd", "citizen-reception", D(2025, 7, 3), role="head",
       mode="periodic", note="Nhập nhầm mã đơn vị cũ (huyện đã kết thúc hoạt động)", _allow=True)


# ---- 2. plans, reviews, reports (mục 1, 3, 4, 6, 7, 8) --------------------------------------
PLAN_FILE = "ke-hoach-so-tong-ket.yaml"


def plans_and_reviews():
    party = [u for u in sel(["province", "district", "commune"], "party-committee", new=False)]
    for u in party:
        k = idx(u)
        for y in (2022, 2023, 2024, 2025):
            day = wd(y, 1, 8 + k % 10)
            if u == "bk.tp" and y == 2023:
                continue                                     # PLANTED P18: no 2023 plan
            if u == "bk.pn.x-cong-bang" and y == 2024:
                day = D(2024, 3, 5)                          # PLANTED P17: 2024 plan late
            ev(PLAN_FILE, u, "plan-issued", day, subject="quy-che-22", period=str(y),
               doc_no=f"KH-{y}-{k:02d}/{short(u)}")
        for y in (2022, 2023, 2024):
            day = wd(y, 7, 3 + k % 8)
            if u == "bk.nr.x-kim-lu" and y == 2023:
                day = D(2023, 7, 20)                         # PLANTED P20: sơ kết late
            ev(PLAN_FILE, u, "review-held", day, review="so-ket", subject="dan-van",
               period=f"{y}-H1")
            day = wd(y, 12, 15 + k % 10)
            if y == 2024 and u == "bk.bb":
                day = D(2025, 2, 10)                         # PLANTED P19: tổng kết 2024 late
            if y == 2024 and u == "bk.nr":
                day = D(2025, 2, 3)                          # on time thanks to the Tết roll-forward
            ev(PLAN_FILE, u, "review-held", day, review="tong-ket", subject="dan-van", period=str(y))
    # people's committees, province and district: annual plan of "dân vận chính quyền"
    for u in sel(["province", "district"], "people-committee", new=False):
        k = idx(u)
        for y in (2022, 2023, 2024, 2025):
            day = wd(y, 3, 1) if y == 2022 else wd(y, 1, 12 + k % 10)
            if u == "bk.ns.ubnd" and y == 2024:
                day = D(2024, 2, 20)                         # PLANTED P48
            ev(PLAN_FILE, u, "plan-issued", day, subject="dan-van-chinh-quyen", period=str(y))
        for y in (2023, 2024):
            if not (u == "bk.cd.ubnd" and y == 2024):        # PLANTED P43: no inspection in 2024
                ev(PLAN_FILE, u, "inspection-held", wd(y, 10, 10 + k % 10),
                   subject="dan-van-chinh-quyen", target="UBND cấp dưới")
    # "Dân vận khéo" models: every people's committee, each year
    for u in sel(None, "people-committee", new=False):
        k = idx(u)
        for y in (2022, 2023, 2024, 2025):
            if u == "bk.nr.tt-yen-lac.ubnd" and y == 2023:
                continue                                     # PLANTED P44
            ev(PLAN_FILE, u, "model-registered", wd(y, 3, 15 + k % 10),
               model=f"Mô hình Dân vận khéo {y}", group="cải cách hành chính" if k % 2 else "nông thôn mới")
    # "Dân vận khéo" reviews and cadre training, province and district
    for u in sel(["province", "district"], "party-committee", new=False):
        k = idx(u)
        for y in (2023, 2024):
            if not (u == "bk.cm" and y == 2024):             # PLANTED P46
                ev(PLAN_FILE, u, "model-reviewed", wd(y, 12, 1 + k % 10), subject="dan-van-kheo")
    trainees = sel(["province", "district"], ["party-committee", "mttq", "mass-organization"], new=False)
    for u in trainees:
        k = idx(u)
        for y in (2023, 2024):
            if not (u == "bk.hlhpn" and y == 2023):          # PLANTED P47
                ev(PLAN_FILE, u, "training-held", wd(y, 5, 10 + k % 10),
                   subject="Bồi dưỡng nghiệp vụ công tác dân vận", participants=40 + k)
    # clause 8: implementation plans of the directive
    implementers = sel("district", None) + ["bk.ubnd", "bk.mttq", "bk.hnd", "bk.hlhpn", "bk.so-tnmt"]
    for n, u in enumerate(implementers):
        day = wd(2022, 2, 21 + n % 20) if n % 20 < 8 else wd(2022, 3, 1 + n % 20)
        if u == "bk.ns.mttq":
            day = D(2022, 4, 15)                             # PLANTED P40
        if u == "bk.hnd":
            day = D(2022, 4, 5)                              # PLANTED P41
        ev(PLAN_FILE, u, "plan-issued", day, subject="chi-thi", doc_no=f"KH-TKCT/{short(u)}")
    # Ban Dân vận's half-year reports to the Standing Committee, and the mid-term review
    reports = [("2022-H1", D(2022, 7, 12)), ("2022-H2", D(2023, 1, 10)), ("2023-H1", D(2023, 7, 10)),
               ("2023-H2", D(2024, 1, 25)),                  # PLANTED P22: due 2024-01-15
               ("2024-H1", D(2024, 7, 10)), ("2024-H2", D(2025, 1, 10)), ("2025-H1", D(2025, 6, 25))]
    for label, day in reports:
        ev(PLAN_FILE, "bk.bdv", "report-submitted", day, subject="chi-thi-dan-van", period=label,
           recipient="Ban Thường vụ Tỉnh ủy")
    ev(PLAN_FILE, "bk.bdv", "review-held", D(2023, 11, 28), review="so-ket", subject="chi-thi",
       note="Sơ kết giữa nhiệm kỳ thực hiện Chỉ thị")


# ---- 3. MTTQ: supervision programme, sessions, hearing by the people's committees ------------
MTTQ_FILE = "mttq-giam-sat.yaml"


def mttq():
    for u in sel(None, ["mttq", "mass-organization"], new=False):
        k = idx(u)
        for y in (2022, 2023, 2024, 2025):
            day = wd(y - 1, 12, 10 + k % 10)
            if u == "bk.pn.mttq" and y == 2024:
                day = D(2024, 1, 10)                         # PLANTED P21
            ev(MTTQ_FILE, u, "plan-issued", day, subject="giam-sat-phan-bien", period=str(y))
    for u in sel(["province", "district"], "mttq", new=False):
        k = idx(u)
        for y in (2023, 2024):
            held = wd(y, 9, 12 + k % 10)
            ref = f"GS-{short(u)}-{y}"
            ev(MTTQ_FILE, u, "supervision-plan-sent", held - timedelta(days=20), ref=ref,
               target="UBND cùng cấp")
            ev(MTTQ_FILE, u, "supervision-held", held, ref=ref, target="UBND cùng cấp")
            ev(MTTQ_FILE, u, "supervision-report-issued", held + timedelta(days=10), ref=ref)
    # PLANTED P37: the provincial MTTQ's second 2023 session, report 21 days after
    ev(MTTQ_FILE, "bk.mttq", "supervision-plan-sent", D(2023, 10, 20), ref="GS-MTTQT-2023-2",
       target="Sở Tài nguyên và Môi trường")
    ev(MTTQ_FILE, "bk.mttq", "supervision-held", D(2023, 11, 14), ref="GS-MTTQT-2023-2",
       target="Sở Tài nguyên và Môi trường")
    ev(MTTQ_FILE, "bk.mttq", "supervision-report-issued", D(2023, 12, 5), ref="GS-MTTQT-2023-2")
    # PLANTED P38: Ngân Sơn MTTQ sent its plan only 9 days before the session
    ev(MTTQ_FILE, "bk.ns.mttq", "supervision-plan-sent", D(2024, 6, 3), ref="GS-NS-2024-2",
       target="UBND xã Thượng Quan")
    ev(MTTQ_FILE, "bk.ns.mttq", "supervision-held", D(2024, 6, 12), ref="GS-NS-2024-2",
       target="UBND xã Thượng Quan")
    ev(MTTQ_FILE, "bk.ns.mttq", "supervision-report-issued", D(2024, 6, 20), ref="GS-NS-2024-2")
    # every people's committee hears the MTTQ's results each half-year
    for u in sel(None, "people-committee"):
        k = idx(u)
        a, b = life(u)
        if u.startswith("tn."):
            ev(post(u), u, "supervision-results-heard", D(2025, 9, 18), period="2025-H2")
            continue
        for y in (2022, 2023, 2024, 2025):
            for h, (m, dd) in enumerate(((6, 10), (12, 5))):
                day = wd(y, m, dd + k % 10)
                if day > b:
                    continue
                if u == "bk.bb.x-nam-mau.ubnd" and (y, h) == (2023, 1):
                    continue                                 # PLANTED P42
                ev(MTTQ_FILE, u, "supervision-results-heard", day, period=f"{y}-H{h + 1}")


# ---- 4. dialogues and petitions (mục 2) ------------------------------------------------------
DIA_FILE = "kien-nghi-doi-thoai.jsonl"


def dialogues():
    forms = ["thematic", "intellectuals-business", "ad-hoc"]
    for u in sel(["province", "district"], ["party-committee", "people-committee"], new=False):
        k = idx(u)
        for y in (2023, 2024):
            if u == "bk.bt.ubnd" and y == 2023:
                continue                                     # PLANTED P13
            ev(DIA_FILE, u, "dialogue", wd(y, 8, 8 + k % 10), form=forms[(k + y) % 3],
               topic="Đối thoại với doanh nghiệp" if forms[(k + y) % 3] == "intellectuals-business"
               else "Giải phóng mặt bằng, tái định cư", participants=60 + k)
    for u in sel("commune", "people-committee", new=False):
        k = idx(u)
        ev(DIA_FILE, u, "dialogue", wd(2023, 11, 6 + k % 10), form="conference", with_mttq=True,
           topic="Hội nghị đối thoại năm 2023", participants=80 + k)
        with_mttq = u != "bk.cm.x-thanh-mai.ubnd"            # PLANTED P12: held without the MTTQ
        ev(DIA_FILE, u, "dialogue", wd(2024, 11, 5 + k % 10), form="conference",
           with_mttq=with_mttq, topic="Hội nghị đối thoại năm 2024", participants=80 + k)


def petition(unit, received, answer_wd=4, n=1, answered=True, file=DIA_FILE, late_answer=None):
    ref = f"KNPA-{short(unit)}-{received.year}-{n:02d}"
    ev(file, unit, "petition-received", received, ref=ref, channel="tiếp công dân",
       subject="đất đai" if n % 2 else "chính sách xã hội")
    if answered:
        day = late_answer or CAL.plus_wd(received, answer_wd)
        ev(file, unit, "petition-answered", day, ref=ref, outcome="thụ lý" if n % 2 else "chuyển đơn")
    return ref


def petitions():
    state = sel(None, ["people-committee", "agency"], new=False)
    party = sel(["province", "district"], "party-committee", new=False)
    for u in state + party:
        k = idx(u)
        a, b = life(u)
        for y in (2022, 2023, 2024, 2025):
            for n, m in enumerate((3, 9), start=1):
                day = wd(y, m, 7 + k % 15)
                if not (a <= day and CAL.plus_wd(day, 4) <= b):
                    continue
                petition(u, day, answer_wd=2 + k % 5, n=n)
    # PLANTED P15: Khang Ninh answered on the 12th working day (Quốc khánh 2023 in between)
    petition("bk.bb.x-khang-ninh.ubnd", D(2023, 8, 28), n=3, late_answer=D(2023, 9, 15))
    # PLANTED P16: Chợ Mới district party secretary's petition never answered
    petition("bk.cm", D(2024, 10, 7), n=3, answered=False)
    # after the reform
    for u in ["tn.ubnd", "tn", "tn.x-ba-be.ubnd", "tn.x-thuong-quan.ubnd", "tn.x-cao-minh.ubnd"]:
        petition(u, wd(2025, 8, 11 + idx(u) % 10), n=1, file=post(u))
    petition("tn.ubnd", D(2025, 9, 25), n=2, answered=False, file=post("tn.ubnd"))  # pending


# ---- 5. complaints and denunciations (mục 3) -------------------------------------------------
KN_FILE = "khieu-nai-to-cao.jsonl"


def kn_fmt(unit):
    """Date spelling per source system: districts write D/M/YYYY, the province an ISO datetime."""
    if unit.startswith("bk.") and unit.count(".") == 2 and unit.endswith(".ubnd"):
        return "dmy"
    if unit == "bk.ubnd":
        return "dt+07"
    return None


def complaint(unit, received, accept_wd=5, resolve_days=20, rnd=1, complexity=None, n=1,
              accepted_on=None, resolved_on=None, resolved_by=None, dialogue=None,
              dialogue_required=None, sent_wd=1, file=KN_FILE, resolve=True, ref=None,
              published_on=None, closed=None):
    ref = ref or f"KN-{short(unit)}-{received.year}-{n:02d}"
    f = kn_fmt(unit)
    ev(file, unit, "complaint-received", received, ref=ref, fmt=f, round=rnd)
    acc = accepted_on or CAL.plus_wd(received, accept_wd)
    # a case in a remote commune lies in a remote area: the limit follows the case (remote: true)
    remote = True if "remote" in BYID[unit]["tags"] and BYID[unit]["level"] == "commune" else None
    ev(file, unit, "complaint-accepted", acc, ref=ref, fmt=f, round=rnd, complexity=complexity,
       remote=remote, doc_no=f"TB-TL/{ref}")
    if closed:                                    # (type, date): withdrawn or terminated, no decision
        ev(file, unit, closed[0], closed[1], ref=ref, fmt=f, round=rnd)
        return ref
    if not resolve:
        return ref
    res = resolved_on or CAL.on_or_after(acc + timedelta(days=resolve_days))
    by = resolved_by or unit
    rfile = post(by) if res >= NEW_FROM else file
    rf = "z" if res >= NEW_FROM else f
    if dialogue is not None:
        dday = dialogue if isinstance(dialogue, date) else CAL.on_or_after(res - timedelta(days=6))
        dby = by if dday >= NEW_FROM else unit
        ev(post(dby) if dday >= NEW_FROM else file, dby, "complaint-dialogue", dday, ref=ref,
           fmt=rf if dday >= NEW_FROM else f, round=rnd, _allow=True)
    if dialogue_required is None:
        dialogue_required = dialogue is not None if rnd == 1 else None
    ev(rfile, by, "complaint-resolved", res, ref=ref, fmt=rf, round=rnd,
       dialogue_required=dialogue_required, doc_no=f"QĐ-GQKN/{ref}")
    ev(rfile, by, "complaint-decision-sent", CAL.plus_wd(res, sent_wd), ref=ref, fmt=rf, round=rnd)
    if rnd == 2:                                  # second-time decisions are published (15 days)
        ev(rfile, by, "complaint-decision-published", published_on or CAL.plus_wd(res, 4), ref=ref,
           fmt=rf, round=rnd, channel="portal")
    return ref


def denunciation(unit, received, intake_wd=4, resolve_days=25, n=1, accepted_on=None,
                 intake_ext=None, extensions=(), resolved_on=None, complexity=None,
                 notified_on=None, sent_on=None, pause=None, forwarded_on=None, closed=None):
    ref = f"TC-{short(unit)}-{received.year}-{n:02d}"
    f = kn_fmt(unit)
    if forwarded_on:                             # not competent: forwarded (5 working days), no intake
        ev(KN_FILE, unit, "denunciation-received", received, ref=ref, fmt=f, competent=False)
        ev(KN_FILE, unit, "denunciation-forwarded", forwarded_on, ref=ref, fmt=f)
        return
    ev(KN_FILE, unit, "denunciation-received", received, ref=ref, fmt=f)
    if intake_ext:
        ev(KN_FILE, unit, "denunciation-intake-extended", intake_ext, ref=ref, fmt=f,
           note="Phải xác minh tại nhiều địa điểm")
    acc = accepted_on or CAL.plus_wd(received, intake_wd)
    ev(KN_FILE, unit, "denunciation-accepted", acc, ref=ref, fmt=f, complexity=complexity,
       doc_no=f"QĐ-TL/{ref}")
    ev(KN_FILE, unit, "denunciation-acceptance-notified", notified_on or CAL.plus_wd(acc, 2),
       ref=ref, fmt=f)
    for x in extensions:
        ev(KN_FILE, unit, "denunciation-extended", x, ref=ref, fmt=f, doc_no=f"QĐ-GH/{ref}")
    if pause:                                    # (suspended, resumed or None): Luật Tố cáo Điều 34
        ev(KN_FILE, unit, "denunciation-suspended", pause[0], ref=ref, fmt=f,
           doc_no=f"QĐ-TĐC/{ref}", note="Chờ kết quả giám định")
        if pause[1]:
            ev(KN_FILE, unit, "denunciation-resumed", pause[1], ref=ref, fmt=f,
               doc_no=f"QĐ-TTGQ/{ref}")
    if closed:
        ev(KN_FILE, unit, closed[0], closed[1], ref=ref, fmt=f)
        return
    if pause and not pause[1]:
        return
    res = resolved_on or CAL.on_or_after(acc + timedelta(days=resolve_days))
    ev(KN_FILE, unit, "denunciation-resolved", res, ref=ref, fmt=f, doc_no=f"KL/{ref}")
    ev(KN_FILE, unit, "denunciation-conclusion-sent", sent_on or CAL.plus_wd(res, 2), ref=ref,
       fmt=f)


def complaints():
    # a case accepted before the directive: its acceptance trigger is outside every window
    complaint("bk.ubnd", D(2022, 1, 10), accept_wd=5, resolve_days=29, n=0)
    # districts: one first-time complaint a year, some with a dialogue
    for u in sel("district", "people-committee"):
        k = idx(u)
        for y in (2022, 2023, 2024, 2025):
            if u == "bk.bb.ubnd" and y == 2024:
                continue                                      # replaced by P26 below
            if u == "bk.cd.ubnd" and y == 2023:
                continue                                      # replaced by the complex case below
            received = wd(y, 4 if y < 2025 else 2, 3 + k % 15)
            complaint(u, received, accept_wd=3 + k % 5, resolve_days=18 + k % 8,
                      dialogue=True if (k + y) % 2 else None)
    # PLANTED P26: Ba Bể accepted on the 11th working day (Tết Giáp Thìn inside the span)
    complaint("bk.bb.ubnd", D(2024, 2, 5), accepted_on=D(2024, 2, 27), resolve_days=22, n=1)
    # near miss: complex case, 39 days, limit 45
    complaint("bk.cd.ubnd", D(2023, 9, 25), accepted_on=D(2023, 10, 2), complexity="complex",
              resolved_on=D(2023, 11, 10), dialogue=True, n=1)
    # PLANTED P24: accepted 2025-06-09 by Chợ Đồn district, which ceased on 2025-06-30 with no
    # successor: never resolved, overdue
    complaint("bk.cd.ubnd", D(2025, 6, 2), accepted_on=D(2025, 6, 9), n=2, resolve=False)
    # province: first-time and second-time complaints
    for y in (2022, 2023, 2024):
        complaint("bk.ubnd", wd(y, 5, 9), accept_wd=4, resolve_days=25, dialogue=True, n=1)
    for y in (2022, 2024):
        complaint("bk.ubnd", wd(y, 8, 1), accept_wd=5, resolve_days=40, rnd=2, dialogue=True, n=2)
    # PLANTED P27: second-time, complex: due 2023-11-10, resolved 2023-11-20, and the dialogue held
    # two days after the decision
    complaint("bk.ubnd", D(2023, 9, 5), accepted_on=D(2023, 9, 11), rnd=2, complexity="complex",
              resolved_on=D(2023, 11, 20), dialogue=D(2023, 11, 22), sent_wd=3, n=2,
              published_on=D(2023, 12, 8))      # PLANTED P52: published 8/12, due 5/12 (15 days)
    # PLANTED P25: accepted 2025-06-20 by the Bắc Kạn provincial committee; its successor (Thái
    # Nguyên) resolved it on 2025-07-25 (written 2025-07-24T18:30Z), due 2025-07-21
    complaint("bk.ubnd", D(2025, 6, 13), accepted_on=D(2025, 6, 20), resolved_on=D(2025, 7, 25),
              resolved_by="tn.ubnd", n=1)
    # departments
    for y in (2022, 2023, 2025):
        complaint("bk.so-tnmt" if y < 2025 else "bk.so-nnmt", wd(y, 4 if y == 2025 else 6, 6),
                  accept_wd=6, resolve_days=21, n=1)
    # PLANTED P51: Sở TN&MT 2024: verification differed from the claim, no dialogue held
    complaint("bk.so-tnmt", D(2024, 7, 15), accepted_on=D(2024, 7, 22), resolved_on=D(2024, 8, 15),
              dialogue_required=True, n=1)
    # communes
    complaint("bk.cd.tt-bang-lung.ubnd", D(2023, 4, 17), accept_wd=3, resolve_days=15, n=1)
    complaint("bk.tp.x-duong-quang.ubnd", D(2024, 5, 6), accept_wd=4, resolve_days=26, n=1,
              dialogue=True)
    # PLANTED P23: Công Bằng (remote, limit 45) resolved on day 53
    complaint("bk.pn.x-cong-bang.ubnd", D(2023, 2, 27), accepted_on=D(2023, 3, 6),
              resolved_on=D(2023, 4, 28), n=1)
    # near miss: Cổ Linh (remote) resolved on day 39: late under 30 days, on time under 45
    complaint("bk.pn.x-co-linh.ubnd", D(2023, 5, 4), accepted_on=D(2023, 5, 8),
              resolved_on=D(2023, 6, 16), n=1)
    # straddling the reform: Cổ Linh accepted on 2025-06-16, its successor Cao Minh resolved it
    complaint("bk.pn.x-co-linh.ubnd", D(2025, 6, 9), accepted_on=D(2025, 6, 16),
              resolved_on=D(2025, 7, 14), resolved_by="tn.x-cao-minh.ubnd", n=2)
    # closing a case (closed_by): near miss — the complainant withdrew before the due date; the case
    # was never decided and is not overdue
    complaint("bk.tp.ubnd", D(2024, 9, 9), accept_wd=3, n=2,
              closed=("complaint-withdrawn", D(2024, 10, 4)))
    # PLANTED P53: Bạch Thông terminated a case after its due date (due 2023-07-03, 7 days late)
    complaint("bk.bt.ubnd", D(2023, 5, 22), accepted_on=D(2023, 6, 2), n=2,
              closed=("complaint-terminated", D(2023, 7, 10)))
    # pending at the as-of date: Ba Bể (new commune, remote, 45 days -> due 2025-10-30)
    complaint("tn.x-ba-be.ubnd", D(2025, 9, 8), accepted_on=D(2025, 9, 15), n=1, resolve=False,
              file=post("tn.x-ba-be.ubnd"))

    # denunciations
    denunciation("bk.ubnd", D(2022, 6, 6), n=1)
    # near miss: very complex, two extensions (due 2024-07-31 -> 08-30 -> 09-30), resolved 09-27
    denunciation("bk.ubnd", D(2024, 6, 20), accepted_on=D(2024, 7, 1), complexity="very-complex",
                 extensions=(D(2024, 7, 25), D(2024, 8, 28)), resolved_on=D(2024, 9, 27), n=1)
    # PLANTED P28: two extensions, still 3 days late (due 2023-08-07 after the roll-forward)
    denunciation("bk.tp.ubnd", D(2023, 4, 27), accepted_on=D(2023, 5, 8), complexity="very-complex",
                 extensions=(D(2023, 6, 1), D(2023, 7, 5)), resolved_on=D(2023, 8, 10), n=1,
                 sent_on=D(2023, 8, 21))                                      # PLANTED P55
    # near miss: intake extended to 10 working days, accepted on the 9th
    denunciation("bk.bt.ubnd", D(2024, 3, 4), intake_ext=D(2024, 3, 12), accepted_on=D(2024, 3, 15),
                 n=1)
    # PLANTED P29: Sở TN&MT: due on the make-up Saturday 2024-05-04, accepted on Monday 05-06
    denunciation("bk.so-tnmt", D(2024, 4, 22), accepted_on=D(2024, 5, 6), resolve_days=24, n=1,
                 notified_on=D(2024, 5, 15))                                  # PLANTED P54
    denunciation("bk.ns.ubnd", D(2022, 11, 14), n=1)
    # PLANTED P54: Sở TN&MT notified the acceptance of 6/5/2024 on 15/5 (due 13/5, 5 working days)
    # (set on the P29 case above through notified_on)
    # PLANTED P55: Thành phố sent the conclusion of 10/8/2023 on 21/8 (due 17/8)
    # (set on the P28 case above through sent_on)
    # PLANTED P56: Pác Nặm district forwarded a denunciation outside its competence on the 7th
    # working day (received 2/10/2023, due 9/10, forwarded 11/10)
    denunciation("bk.pn.ubnd", D(2023, 10, 2), forwarded_on=D(2023, 10, 11), n=1)
    denunciation("bk.cm.ubnd", D(2024, 3, 11), forwarded_on=D(2024, 3, 15), n=1)
    # pause (Luật Tố cáo Điều 34 k2): near miss — Chợ Đồn suspended 20 days (15/10 → 4/11/2024), due
    # 31/10 moves to 20/11; resolved 18/11 is on time only because of the pause
    denunciation("bk.cd.ubnd", D(2024, 9, 23), accepted_on=D(2024, 10, 1),
                 pause=(D(2024, 10, 15), D(2024, 11, 4)), resolved_on=D(2024, 11, 18), n=1)
    # PLANTED P57: Ngân Sơn suspended 31 days (10/3 → 10/4/2023): due 31/3 moves to 1/5, a holiday,
    # rolled to 4/5; resolved 8/5 is 4 days late even so
    denunciation("bk.ns.ubnd", D(2023, 2, 20), accepted_on=D(2023, 3, 1),
                 pause=(D(2023, 3, 10), D(2023, 4, 10)), resolved_on=D(2023, 5, 8), n=2)
    # closed: the denouncer withdrew (Điều 33), the case was terminated within the limit
    denunciation("bk.bb.ubnd", D(2024, 5, 13), n=1, closed=("denunciation-terminated", D(2024, 6, 10)))
    # pending, paused: Thái Nguyên suspended a case on 1/9/2025 awaiting an expert opinion (no due date)
    denunciation("tn.ubnd", D(2025, 8, 4), accepted_on=D(2025, 8, 11), pause=(D(2025, 9, 1), None),
                 n=1)


# ---- 6. consultation, decisions, publication (mục 3) -----------------------------------------
CK_FILE = "quyet-dinh-cong-khai.csv"
TOPICS = ["land", "site-clearance", "compensation", "investment", "budget"]
NEEDS_MTTQ = {"land", "planning", "site-clearance", "investment"}


def decision(unit, day, topic, n=1, consult_days=30, publish_wd=2, remove_days=35,
             publish_on=None, remove_on=None, consult_on=None, consult=True, file=CK_FILE):
    ref = f"QD-{short(unit)}-{day.year}-{n:02d}"
    if consult and topic in NEEDS_MTTQ:
        c = consult_on or CAL.on_or_after(day - timedelta(days=consult_days))
        ev(file, unit, "mttq-consultation", c, ref=ref, topic=topic, _allow=True)
    ev(file, unit, "decision", day, ref=ref, topic=topic, doc_no=f"{n:02d}/QĐ-UBND")
    if publish_wd is not None:
        p = publish_on or CAL.plus_wd(day, publish_wd)
        ev(file, unit, "decision-published", p, ref=ref, channel="posting")
        if remove_days is not None:
            ev(file, unit, "posting-removed", remove_on or p + timedelta(days=remove_days), ref=ref)
    return ref


def decisions():
    for n, u in enumerate(sel("commune", "people-committee", new=False)):
        k = idx(u)
        for y in (2022, 2023, 2024, 2025):
            day = wd(y, 3 if y == 2025 else 4 + (k % 6), 12 + k % 10)
            if u == "bk.nr.x-kim-lu.ubnd" and y == 2024:
                continue                                    # replaced by P30/P31 below
            decision(u, day, TOPICS[(n + y) % 5])
    # PLANTED P30 + P31: Kim Lư published on the 7th working day and took the posting down after 20
    decision("bk.nr.x-kim-lu.ubnd", D(2024, 4, 25), "investment", consult_on=D(2024, 3, 20),
             publish_on=D(2024, 5, 8), remove_on=D(2024, 5, 28))
    for u in sel(["province", "district"], "people-committee", new=False):
        k = idx(u)
        for y in (2022, 2023, 2024):
            if (u, y) in (("bk.bt.ubnd", 2023), ("bk.ubnd", 2024)):
                continue
            decision(u, wd(y, 10, 5 + k % 15), "planning" if k % 2 else "investment",
                     consult_days=25 + k % 10, remove_days=None)
    # (formerly planted: individual land decisions are not objects of social criticism; the MTTQ
    # rule now checks drafts submitted for issue, see drafts() below)
    # Bạch Thông consulted the MTTQ only 10 days before a land decision
    decision("bk.bt.ubnd", D(2023, 10, 16), "land", consult_on=D(2023, 10, 6), remove_days=None)
    # the province decided an investment without consulting the MTTQ (no longer a violation)
    decision("bk.ubnd", D(2024, 6, 14), "investment", consult=False, remove_days=None)
    # after the reform
    decision("tn.ubnd", D(2025, 8, 20), "planning", consult_on=D(2025, 8, 1), remove_days=None,
             file=post("tn.ubnd"))
    # Cao Minh consulted the MTTQ 8 days before a land decision (no longer a violation)
    decision("tn.x-cao-minh.ubnd", D(2025, 9, 5), "land", consult_on=D(2025, 8, 28),
             publish_on=D(2025, 9, 9), remove_days=None, file=post("tn.x-cao-minh.ubnd"))
    # quarterly list of published information, from 2023-Q3
    for u in sel("commune", "people-committee"):
        a, b = life(u)
        for y in (2023, 2024, 2025):
            for q in range(1, 5):
                day = wd(y, 3 * q, 5)
                if not (a <= day <= b) or day < D(2023, 7, 1):
                    continue
                if u == "bk.ns.tt-na-phac.ubnd" and (y, q) == (2024, 2):
                    continue                                # PLANTED P45
                ev(post(u) if u.startswith("tn.") else CK_FILE, u, "disclosure-list-updated", day,
                   quarter=f"{y}-Q{q}")
    # consultations of the people (≥ 20 days)
    for u, o, c in [("bk.pn.x-cong-bang.ubnd", D(2024, 5, 6), D(2024, 6, 5)),
                    ("bk.ns.x-thuong-quan.ubnd", D(2023, 9, 5), D(2023, 9, 30)),
                    ("bk.tp.x-duong-quang.ubnd", D(2024, 3, 1), D(2024, 3, 15))]:   # PLANTED P35
        ref = f"LYK-{short(u)}-{o.year}-01"
        ev(CK_FILE, u, "people-consultation-opened", o, ref=ref, topic="Quy ước thôn")
        ev(CK_FILE, u, "people-consultation-closed", c, ref=ref)
    # People's Inspection Board recommendations (15 days)
    for u, r, a in [("bk.bb.x-nam-mau.ubnd", D(2024, 3, 4), D(2024, 3, 12)),
                    ("bk.cm.tt-dong-tam.ubnd", D(2025, 4, 14), D(2025, 4, 24)),
                    ("bk.pn.x-cong-bang.ubnd", D(2024, 10, 1), D(2024, 10, 25))]:   # PLANTED P36
        ref = f"TTND-{short(u)}-{r.year}-01"
        ev(CK_FILE, u, "people-inspection-recommendation", r, ref=ref)
        ev(CK_FILE, u, "recommendation-answered", a, ref=ref)


# ---- 7. party cells (mục 2, đoạn kết) ---------------------------------------------------------
CB_FILE = "chi-bo.csv"


def cells():
    for n, u in enumerate(sel("cell", "party-cell")):
        day = D(2022, 3, 7) + timedelta(days=3 * n)
        if u == "bk.pn.x-cong-bang.cb-khuoi-khi":
            day = D(2022, 7, 12)                             # PLANTED P39 (late)
        if u != "bk.cd.x-ban-thi.cb-na-lom":                 # PLANTED P39 (missing)
            ev(CB_FILE, u, "directive-disseminated", day, form="sinh hoạt chi bộ",
               participants=15 + n, note="Quán triệt Chỉ thị của BTV Tỉnh ủy")
    # the heads of party committees and governments attend grassroots cell meetings (mục 2): the
    # attendance is the head's, logged on the head's unit, naming the cell
    all_cells = sel("cell", "party-cell")
    for u in sel(kind=["party-committee", "people-committee"]):
        area = u[:-len(".ubnd")] if u.endswith(".ubnd") else u
        mine = [c for c in all_cells if c.startswith(area + ".")] or all_cells
        a, b = life(u)
        k = 0
        for y in (2022, 2023, 2024, 2025):
            for m in (2, 4, 6, 8, 10, 12):
                day = D(y, m, 12)
                if day < max(a, DIRECTIVE) or day > b:
                    continue
                if u == "bk.nr.x-kim-lu" and day in (D(2023, 2, 12), D(2023, 4, 12)):
                    continue                                 # PLANTED P14: gap of 182 days
                head = "Bí thư" if BYID[u]["kind"] == "party-committee" else "Chủ tịch UBND"
                ev(CB_FILE, u, "party-cell-meeting-attended", day, role="head",
                   cell=mine[k % len(mine)], member=head)
                k += 1


# ---- 8. remote and ethnic-minority areas (mục 5); reports to the People's Council ------------
DT_FILE = "vung-dan-toc.csv"


def remote_areas():
    for u in sel("commune", "people-committee"):
        tags = BYID[u]["tags"]
        if "ethnic-minority" not in tags and "remote" not in tags:
            continue
        a, b = life(u)
        for y in (2022, 2023, 2024, 2025):
            day = wd(y, 11, 18 + idx(u) % 5)
            if not (a <= day <= b):
                continue
            if u == "bk.pn.x-co-linh.ubnd" and y == 2024:
                continue                                     # PLANTED P58 (guidance: CHƯA ĐẠT)
            ev(DT_FILE, u, "prestige-meeting", day, participants=12 + idx(u) % 9,
               note="Hội nghị gặp mặt người có uy tín, trưởng thôn")
    for u in sel("commune", "people-committee"):
        a, b = life(u)
        for y in (2023, 2024, 2025):
            day = wd(y, 12, 8 + idx(u) % 5)
            if a <= day <= b:
                ev(DT_FILE, u, "report-submitted", day, subject="dan-chu-co-so", period=str(y),
                   recipient="HĐND cấp xã")


# ---- 9. drafts under social criticism (mục 3, Luật MTTQ Điều 36 k1) ---------------------------
DR_FILE = "du-thao-phan-bien.csv"


def drafts():
    def draft(unit, submitted, sent_days=25, n=1, sent_on=None, send=True, topic="plan"):
        ref = f"DT-{short(unit)}-{submitted.year}-{n:02d}"
        if send:
            ev(DR_FILE, unit, "mttq-consultation", sent_on or submitted - timedelta(days=sent_days),
               ref=ref, topic=topic, _allow=True)
        ev(DR_FILE, unit, "draft-submitted", submitted, ref=ref, topic=topic, social_criticism=True,
           doc_no=f"TTr-{n:02d}/{ref}")
    for u in sel(["province", "district"], "people-committee", new=False):
        k = idx(u)
        for y in (2022, 2023, 2024):
            if (u, y) in (("bk.bt.ubnd", 2023), ("bk.ubnd", 2024)):
                continue
            draft(u, wd(y, 9, 5 + k % 15), sent_days=20 + k % 10,
                  topic=["plan", "program", "project", "scheme"][k % 4])
    # a draft the MTTQ did not take up for social criticism: no 15-day duty
    ev(DR_FILE, "bk.cm.ubnd", "draft-submitted", D(2024, 5, 20), ref="DT-CM-UBND-2024-02",
       topic="plan", social_criticism=False)
    # PLANTED P31: Bạch Thông sent its land-use plan draft to the MTTQ only 10 days before submitting it
    draft("bk.bt.ubnd", D(2023, 10, 16), sent_on=D(2023, 10, 6), topic="planning")
    # PLANTED P32: the province submitted an investment project draft without sending it to the MTTQ
    draft("bk.ubnd", D(2024, 6, 14), send=False, topic="project")
    # after the reform: Thái Nguyên on time; PLANTED P33: Cao Minh sent its scheme 8 days before
    draft("tn.ubnd", D(2025, 8, 20), sent_on=D(2025, 8, 1), topic="plan")
    draft("tn.x-cao-minh.ubnd", D(2025, 9, 5), sent_on=D(2025, 8, 28), topic="scheme")


# ---- 10. land recovery and compensation (mục 3, Luật Đất đai 2013 / 2024) ---------------------
LD_FILE = "dat-dai.csv"


def land():
    def recovery(unit, decided, land_type, notice_days, n=1):
        ref = f"TH-{short(unit)}-{decided.year}-{n:02d}"
        ev(LD_FILE, unit, "land-recovery-notified", decided - timedelta(days=notice_days), ref=ref,
           land_type=land_type, doc_no=f"TB-THD/{ref}")
        ev(LD_FILE, unit, "land-recovery-decided", decided, ref=ref, land_type=land_type,
           doc_no=f"QĐ-THD/{ref}")

    def compensation(unit, approved, posted_days, n=1):
        ref = f"BT-{short(unit)}-{approved.year}-{n:02d}"
        ev(LD_FILE, unit, "compensation-plan-posted", approved - timedelta(days=posted_days),
           ref=ref, note="Niêm yết tại trụ sở UBND xã và nhà văn hóa thôn")
        ev(LD_FILE, unit, "compensation-plan-approved", approved, ref=ref, doc_no=f"QĐ-PDPA/{ref}")
    recovery("bk.bt.ubnd", D(2023, 6, 15), "agricultural", 100)
    recovery("bk.tp.ubnd", D(2024, 3, 20), "non-agricultural", 185)
    recovery("bk.nr.ubnd", D(2025, 4, 10), "agricultural", 92)
    # PLANTED P59: Chợ Mới recovered non-agricultural land 150 days after the notice (2024 law: 180)
    recovery("bk.cm.ubnd", D(2024, 9, 16), "non-agricultural", 150)
    compensation("bk.bt.ubnd", D(2023, 7, 20), 25)
    compensation("bk.tp.ubnd", D(2024, 5, 6), 21)
    compensation("bk.cm.ubnd", D(2024, 11, 4), 32)
    # near miss: 25 days of posting is enough for a plan approved on 31/7/2024 (2013 law: 20 days)
    compensation("bk.nr.ubnd", D(2024, 7, 31), 25)
    # PLANTED P60: Na Rì approved a plan on 14/10/2024 after 21 days of posting (2024 law: 30)
    compensation("bk.nr.ubnd", D(2024, 10, 14), 21, n=2)


# --------------------------------------------------------------------------- writers
def fmt_date(e):
    d, f = e["date"], e["fmt"]
    if f == "dmy":
        return f"{d.day}/{d.month}/{d.year}"
    if f == "dt+07":
        return f"{d.isoformat()}T09:30:00+07:00"
    if f == "z":
        # a civil date in Asia/Ho_Chi_Minh written as UTC; 18:30Z is 01:30 the next day
        t = datetime(d.year, d.month, d.day, 1, 30, tzinfo=timezone(timedelta(hours=7)))
        return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return d.isoformat()


PREFIX = {
    "tiep-cong-dan-2022.csv": "TCD22", "tiep-cong-dan-2023.csv": "TCD23",
    "tiep-cong-dan-2024.csv": "TCD24", "tiep-cong-dan-2025.csv": "TCD25",
    "ke-hoach-so-tong-ket.yaml": "KH", "mttq-giam-sat.yaml": "MT", "kien-nghi-doi-thoai.jsonl": "DT",
    "khieu-nai-to-cao.jsonl": "KNTC", "quyet-dinh-cong-khai.csv": "CK", "chi-bo.csv": "CB",
    "sau-sap-xep-2025.jsonl": "SX", "vung-dan-toc.csv": "VD", "du-thao-phan-bien.csv": "PB",
    "dat-dai.csv": "DD",
}


# Logs kept as Excel workbooks: their rows are written as CSV to sources/, and
# Scripts/make_example_workbook.py turns each into logs/NAME.xlsx (openpyxl; see README.md).
WORKBOOK_SOURCES = {"tiep-cong-dan-2024.csv"}


def write_logs(folder):
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    byfile = {}
    for e in EVENTS:
        byfile.setdefault(e["file"], []).append(e)
    for name in sorted(byfile):
        rows = sorted(byfile[name], key=lambda e: (e["date"], e["unit"], e["type"], e["ref"] or ""))
        for n, e in enumerate(rows, start=1):
            e["id"] = f"{PREFIX[name]}-{n:05d}"
        path = os.path.join(folder, name)
        if name.endswith(".csv"):
            attrs = []
            for e in rows:
                for k in e["attrs"]:
                    if k not in attrs:
                        attrs.append(k)
            buf = io.StringIO()
            # the 2022 reception log is an Excel export: UTF-8 BOM and CRLF line ends
            excel = name == "tiep-cong-dan-2022.csv"
            w = csv.writer(buf, lineterminator="\r\n" if excel else "\n")
            w.writerow(["id", "unit", "type", "date", "ref"] + attrs)
            for e in rows:
                w.writerow([e["id"], e["unit"], e["type"], fmt_date(e), e["ref"] or ""] +
                           [fmtv(e["attrs"].get(k)) for k in attrs])
            data = ("\ufeff" if excel else "") + buf.getvalue()
            if name in WORKBOOK_SOURCES:
                os.makedirs(os.path.join(HERE, "sources"), exist_ok=True)
                path = os.path.join(HERE, "sources", name)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(data)
        elif name.endswith(".jsonl"):
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                for e in rows:
                    o = {"id": e["id"], "unit": e["unit"], "type": e["type"], "date": fmt_date(e)}
                    if e["ref"]:
                        o["ref"] = e["ref"]
                    o.update(e["attrs"])
                    f.write(json.dumps(o, ensure_ascii=False) + "\n")
        else:
            L = ["# yaml-language-server: $schema=../../../schema/events.schema.json",
                 f"# {name} — GENERATED by make_logs.py", "events:"]
            for e in rows:
                L.append(f"  - id: {e['id']}")
                L.append(f"    unit: {e['unit']}")
                L.append(f"    type: {e['type']}")
                L.append(f"    date: {fmt_date(e)}")
                if e["ref"]:
                    L.append(f"    ref: {e['ref']}")
                for k, v in e["attrs"].items():
                    L.append(f"    {k}: {yaml_scalar(v)}")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(L) + "\n")
    return {k: len(v) for k, v in byfile.items()}


def fmtv(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)        # a double-quoted YAML scalar


def main():
    receptions()
    plans_and_reviews()
    mttq()
    dialogues()
    petitions()
    complaints()
    decisions()
    cells()
    remote_areas()
    drafts()
    land()
    write_units(os.path.join(HERE, "units.yaml"))
    counts = write_logs(os.path.join(HERE, "logs"))
    # The workbook logs, from their sources (needs openpyxl).
    subprocess.run([sys.executable, os.path.join(HERE, "..", "..", "Scripts", "make_example_workbook.py")],
                   check=True)
    for k in sorted(counts):
        print(f"{counts[k]:6d}  logs/{k}")
    print(f"{sum(counts.values()):6d}  events, {len(UNITS)} units")


if __name__ == "__main__":
    main()

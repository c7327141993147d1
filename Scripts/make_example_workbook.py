#!/usr/bin/env python3
"""Builds the Bắc Kạn example's Excel log, examples/bac-kan/logs/tiep-cong-dan-2024.xlsx, from its
committed source examples/bac-kan/sources/tiep-cong-dan-2024.csv (written by make_logs.py).

The workbook is made the way a commune office keeps its book (sổ tiếp công dân): a Vietnamese sheet
name, a merged title row and a subtitle above the header, a bold header, dates as date cells shown
dd/mm/yyyy, numbers as numbers, a wide notes column, and a second sheet of instructions (skipped by
dvcheck with a warning: it has no header). The bytes are reproducible: fixed document dates and ZIP
timestamps. make_logs.py runs this script; run it alone after editing the source CSV.

usage: python3 Scripts/make_example_workbook.py        (needs openpyxl: pip install openpyxl)
"""
import csv
import datetime
import io
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "bac-kan")
SOURCE = os.path.join(EXAMPLE, "sources", "tiep-cong-dan-2024.csv")
TARGET = os.path.join(EXAMPLE, "logs", "tiep-cong-dan-2024.xlsx")
FIXED = datetime.datetime(2025, 1, 6, 8, 0, 0)
STAMP = b"2025-01-06T08:00:00Z"


def build():
    try:
        import openpyxl
        from openpyxl.styles import Alignment, Font
    except ImportError:
        sys.exit("make_example_workbook.py needs openpyxl: pip install openpyxl")
    with open(SOURCE, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, records = rows[0], rows[1:]
    wb = openpyxl.Workbook()
    wb.properties.creator = "UBND tỉnh Bắc Kạn — Văn phòng"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Sổ tiếp dân 2024"
    last = openpyxl.utils.get_column_letter(len(header))
    ws["A1"] = "SỔ THEO DÕI TIẾP CÔNG DÂN NĂM 2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:%s1" % last)
    ws["A2"] = "(Thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy Bắc Kạn ngày 09/02/2022 về công tác dân vận)"
    ws.merge_cells("A2:%s2" % last)
    ws["A2"].alignment = Alignment(horizontal="center")
    ws.append([])
    ws.append(header)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    date_col = header.index("date")
    number_cols = {header.index("participants")}
    for r in records:
        values = []
        for k, v in enumerate(r):
            if v == "":
                values.append(None)
            elif k == date_col:
                values.append(datetime.date.fromisoformat(v))
            elif k in number_cols:
                values.append(int(v))
            else:
                values.append(v)
        ws.append(values)
        ws.cell(row=ws.max_row, column=date_col + 1).number_format = "dd/mm/yyyy"
    widths = {"id": 14, "unit": 28, "type": 18, "date": 12, "note": 40}
    for k, name in enumerate(header, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(k)].width = widths.get(name, 12)
    ws.freeze_panes = "A5"
    notes = wb.create_sheet("Hướng dẫn")
    notes["A1"] = "Mỗi dòng là một buổi tiếp công dân; ngày ghi theo dd/mm/yyyy."
    notes["A2"] = "Cột note: ghi chú của cán bộ tiếp dân."
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def reproducible(data):
    """The same ZIP with fixed timestamps, so regenerating gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time as the modification date.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + STAMP, data)
            dst.writestr(fixed, data)
    return out.getvalue()


def main():
    data = reproducible(build())
    with open(TARGET, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (os.path.relpath(TARGET, ROOT), len(data)))


if __name__ == "__main__":
    main()

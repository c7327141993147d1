#!/usr/bin/env python3
"""Regenerates the workbook fixtures of Tests/XLSXSupportTests/Fixtures.

Two kinds:
  * workbooks saved by real spreadsheet software: openpyxl (the 1904 date system, a merged title row,
    date cells, a formula openpyxl saves without a value) and LibreOffice (shared strings, formulas
    with their cached values and error values), so the reader is tested on what users' tools write;
  * small hand-built ZIPs for what no tool writes but an attacker or a broken tool may: not a ZIP, a
    ZIP bomb, a DTD with entities, a missing sheet part, a shared string index out of range, cells
    out of order or beyond XFD1048576, serial 60, rich text, prefixed element names.

Usage: python3 Scripts/make_xlsx_fixtures.py [OUTDIR]   (needs openpyxl and soffice)
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "XLSXSupportTests", "Fixtures")
FIXED = (2023, 1, 1, 0, 0, 0)  # ZIP timestamps, so regenerating gives the same bytes


def openpyxl_1904(path):
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Sổ 1904"
    ws["A1"] = "SỔ TIẾP CÔNG DÂN (1904)"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["id", "unit", "type", "date", "participants", "note"])
    ws.append(["e1", "x1", "citizen-reception", datetime.date(2023, 3, 15), 5, "đầu tiên"])
    ws.append(["e2", "x1", "citizen-reception", datetime.datetime(2023, 4, 2, 23, 30), 2.5, True])
    ws.append(["e3", "x1", "citizen-reception", "16/3/2023", "=1+2", None])
    for row in (4, 5, 6):
        ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
    ws.cell(row=5, column=4).number_format = "dd/mm/yyyy hh:mm"
    hidden = wb.create_sheet("Ẩn")
    hidden.append(["id", "unit", "type", "date"])
    hidden.append(["h1", "x1", "citizen-reception", "2023-03-01"])
    hidden.sheet_state = "hidden"
    wb.save(path)


def libreoffice_shared_formulas(path, work):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["id", "unit", "type", "date", "participants", "label"])
    ws.append(["f1", "x1", "citizen-reception", datetime.date(2023, 3, 15), "=2+3", '=B2&"-label"'])
    ws.append(["f2", "x1", "citizen-reception", datetime.date(2023, 3, 16), "=1/0", "x"])
    ws.append(["f3", "x1", "citizen-reception", datetime.date(2023, 3, 17), "=NA()", "x"])
    ws.append(["f4", "x1", "citizen-reception", datetime.date(2023, 3, 18), 0.1, "=1=1"])
    for row in range(2, 6):
        ws.cell(row=row, column=4).number_format = "mm-dd-yy"  # built-in id 14
    src = os.path.join(work, "formulas.xlsx")
    wb.save(src)
    outdir = os.path.join(work, "lo")
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", outdir, src],
                   check=True, capture_output=True, timeout=180)
    shutil.copy(os.path.join(outdir, "formulas.xlsx"), path)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def handmade(path, sheets, shared=None, styles=None, date1904=False, extra=None, omit=()):
    """A minimal workbook: sheets is a list of (name, sheetData XML or None for a missing part)."""
    wb = ['<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">' % (NS, REL)]
    if date1904:
        wb.append('<workbookPr date1904="1"/>')
    wb.append("<sheets>")
    rels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    parts = {}
    for i, (name, data) in enumerate(sheets, 1):
        wb.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (name, i, i))
        rels.append('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, REL, i))
        if data is not None:
            parts["xl/worksheets/sheet%d.xml" % i] = data if data.startswith("<?xml") or data.startswith("<!") else (
                '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (NS, data))
    wb.append("</sheets></workbook>")
    if shared is not None:
        rels.append('<Relationship Id="rS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % REL)
        parts["xl/sharedStrings.xml"] = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s">%s</sst>' % (NS, shared)
    if styles is not None:
        rels.append('<Relationship Id="rT" Type="%s/styles" Target="styles.xml"/>' % REL)
        parts["xl/styles.xml"] = '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">%s</styleSheet>' % (NS, styles)
    rels.append("</Relationships>")
    parts["[Content_Types].xml"] = CONTENT_TYPES
    parts["_rels/.rels"] = ROOT_RELS
    parts["xl/workbook.xml"] = "".join(wb)
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels)
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            if name in omit:
                continue
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


HEADER = inline("A1", "id") + inline("B1", "unit") + inline("C1", "type") + inline("D1", "date")


def row(n, cells):
    return '<row r="%d">%s</row>' % (n, cells)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        openpyxl_1904(os.path.join(OUT, "openpyxl-1904.xlsx"))
        libreoffice_shared_formulas(os.path.join(OUT, "libreoffice-shared-formulas.xlsx"), work)

    # Features no tool above writes: rich text and phonetic runs in shared strings, a prefixed
    # namespace, serial 60, an error cell, a boolean, an empty <v/> formula, a cell at XFD1048576.
    styles = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/></cellXfs>')
    shared = ('<si><t>id</t></si><si><r><t>x</t></r><r><t>1</t></r><rPh><t>PHONETIC</t></rPh></si>'
              '<si><t xml:space="preserve"> citizen-reception </t></si>')
    data = (row(1, '<c r="A1" t="s"><v>0</v></c>' + inline("B1", "unit") + inline("C1", "type") + inline("D1", "date")
                + inline("E1", "flag") + inline("F1", "amount"))
            + row(2, inline("A2", "r1") + '<c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>'
                  '<c r="D2" s="1"><v>44935.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2"><v>1.5E-3</v></c>')
            + row(3, inline("A3", "r2") + inline("B3", "x1") + inline("C3", "citizen-reception")
                  + '<c r="D3" s="1"><v>60</v></c>')
            + row(4, inline("A4", "r3") + inline("B4", "x1") + inline("C4", "citizen-reception")
                  + '<c r="D4" s="1"><v>44936</v></c><c r="E4" t="e"><v>#N/A</v></c>')
            + row(5, inline("A5", "r4") + inline("B5", "x1") + inline("C5", "citizen-reception")
                  + '<c r="D5" s="1"><v>44937</v></c><c r="F5"><f>SUM(A1:A2)</f><v/></c>')
            + row(6, inline("A6", "r5") + inline("B6", "x1") + inline("C6", "citizen-reception")
                  + '<c r="D6" s="2"><v>0.75</v></c><c r="F6"><v>100000000000000000000</v></c>')
            + row(1048576, inline("XFD1048576", "far away")))
    prefixed = ('<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="%s"><x:sheetData>' % NS
                + '<x:row r="1">' + HEADER.replace("<c ", "<x:c ").replace("</c>", "</x:c>").replace("<is>", "<x:is>")
                .replace("</is>", "</x:is>").replace("<t>", "<x:t>").replace("</t>", "</x:t>") + "</x:row>"
                + '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>p1</x:t></x:is></x:c>'
                '<x:c r="B2" t="inlineStr"><x:is><x:t>x1</x:t></x:is></x:c>'
                '<x:c r="C2" t="inlineStr"><x:is><x:t>citizen-reception</x:t></x:is></x:c>'
                '<x:c r="D2" t="inlineStr"><x:is><x:t>2023-03-20</x:t></x:is></x:c></x:row>'
                "</x:sheetData></x:worksheet>")
    handmade(os.path.join(OUT, "handmade-features.xlsx"), [("Features", data), ("Prefixed", prefixed)],
             shared=shared, styles=styles)

    # Hostile or broken workbooks: each is a file error.
    with open(os.path.join(OUT, "not-a-zip.xlsx"), "w") as f:
        f.write("id,unit,type,date\ne1,x1,citizen-reception,2023-03-15\n")
    handmade(os.path.join(OUT, "zip-bomb.xlsx"), [("Bomb", row(1, HEADER) + " " * (4 << 20))])
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10))
              + ']><worksheet xmlns="%s"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              '</sheetData></worksheet>' % NS)
    handmade(os.path.join(OUT, "entity-expansion.xlsx"), [("Lol", laughs)])
    handmade(os.path.join(OUT, "missing-sheet-part.xlsx"), [("Gone", None)])
    handmade(os.path.join(OUT, "shared-string-out-of-range.xlsx"),
             [("S", row(1, HEADER) + row(2, '<c r="A2" t="s"><v>7</v></c>'))], shared="<si><t>only</t></si>")
    handmade(os.path.join(OUT, "cells-out-of-order.xlsx"),
             [("S", row(1, HEADER) + row(2, inline("B2", "x1") + inline("A2", "e1")))])
    handmade(os.path.join(OUT, "rows-out-of-order.xlsx"),
             [("S", row(1, HEADER) + row(3, inline("A3", "e1")) + row(2, inline("A2", "e2")))])
    handmade(os.path.join(OUT, "cell-beyond-xfd.xlsx"), [("S", row(1, HEADER) + row(2, inline("XFE2", "far")))])
    handmade(os.path.join(OUT, "not-a-workbook.xlsx"), [("S", row(1, HEADER))], omit=("xl/workbook.xml",))
    whole = open(os.path.join(OUT, "openpyxl-1904.xlsx"), "rb").read()
    with open(os.path.join(OUT, "truncated.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])


if __name__ == "__main__":
    main()

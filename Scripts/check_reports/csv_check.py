"""Opens a dvcheck CSV report in LibreOffice Calc (headless conversion to ODS) and checks that
Vietnamese text survives, that no cell became a formula, that text cells starting with a formula
character were guarded with an apostrophe, and that plain numbers such as -20 stay numbers."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
# Comma, double quote, UTF-8 (76, what Calc's import dialog preselects for a file with a BOM),
# from line 1, default columns, language 0, quoted fields as text off, detect special numbers on,
# ..., evaluate formulas ON (token 13): the worst case for injection.
FILTER = "CSV:44,34,76,1,,0,false,true,true,false,false,0,true"


def cells_of(ods_path):
    root = ET.fromstring(zipfile.ZipFile(ods_path).read("content.xml"))
    rows = []
    for row in root.iter("{%s}table-row" % NS["table"]):
        out = []
        for c in row.findall("table:table-cell", NS):
            repeat = int(c.get("{%s}number-columns-repeated" % NS["table"], "1"))
            text = "\n".join("".join(p.itertext()) for p in c.findall("text:p", NS))
            kind = c.get("{%s}value-type" % NS["office"])
            formula = c.get("{%s}formula" % NS["table"])
            out.extend([(kind, text, formula)] * min(repeat, 64))
        rows.append(out)
    return rows


def main(csv_path, result_path):
    raw = open(csv_path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    ours = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    result = json.load(open(result_path, encoding="utf-8"))
    assert len(ours) - 1 >= len(result["findings"]), (len(ours), len(result["findings"]))
    header = ours[0]
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(
            ["libreoffice", f"-env:UserInstallation={profile}", "--headless", f"--infilter={FILTER}",
             "--convert-to", "ods", "--outdir", tmp, csv_path],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        ods = os.path.join(tmp, os.path.splitext(os.path.basename(csv_path))[0] + ".ods")
        calc = cells_of(ods)
    assert [c[1] for c in calc[0][: len(header)]] == header, calc[0][:5]
    guarded = numbers = 0
    for r, row in enumerate(ours[1:], start=1):
        for i, value in enumerate(row):
            kind, text, formula = calc[r][i] if i < len(calc[r]) else (None, "", None)
            assert formula is None, f"row {r} {header[i]}: became a formula {formula!r}"
            if value == "":
                continue
            if value[0] in "=+-@\t\r":
                assert value.lstrip("+-").replace(".", "", 1).isdigit(), f"unguarded {header[i]}={value!r}"
                assert kind == "float", f"row {r} {header[i]}: {value!r} should stay a number, got {kind}"
                numbers += 1
                continue
            if value.startswith("'") and len(value) > 1 and value[1] in "=+-@\t\r":
                guarded += 1
                assert kind == "string", (r, header[i], kind)
                strip = str.maketrans("", "", "\t\r")
                assert text.lstrip("'").translate(strip) == value[1:].translate(strip), (value, text)
                continue
            if kind == "string":  # Calc drops tabs inside a cell
                assert text == value.replace("\t", ""), f"row {r} {header[i]}: Calc shows {text!r}, file has {value!r}"
    names = [f["message"] for f in result["findings"]]
    shown = {c[1] for row in calc for c in row}
    assert all(n.replace("\t", "") in shown for n in names), "a message did not survive the round trip"
    print(f"csv: {len(ours) - 1} rows round-tripped through LibreOffice; {guarded} guarded cells, "
          f"{numbers} signed numbers kept as numbers")


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Writes a small project whose names and refs are hostile — markup, formula starters, quotes,
commas, line breaks, Vietnamese in NFD — to check every format escapes or guards them."""
import os
import sys

HOSTILE_NAME = "<script>alert(1)</script> \"Ủy ban\" & 'xã', =HYPERLINK(\"http://x\")"


def main(root):
    os.makedirs(os.path.join(root, "rules"), exist_ok=True)
    os.makedirs(os.path.join(root, "logs"), exist_ok=True)
    with open(os.path.join(root, "dvcheck.yaml"), "w", encoding="utf-8") as f:
        f.write("timezone: Asia/Ho_Chi_Minh\nlanguage: vi\nas_of: 2024-03-20\nrules: [rules/]\n"
                "units: units.yaml\nlogs: [logs/]\n")
    with open(os.path.join(root, "units.yaml"), "w", encoding="utf-8") as f:
        f.write("units:\n"
                "  - { id: p, name: 'Tỉnh ủy Thử', level: province, kind: party-committee, parent: null }\n"
                "  - { id: p.d, name: 'Huyện ủy Thử', level: district, kind: party-committee, parent: p }\n"
                f"  - {{ id: p.d.x, name: '{HOSTILE_NAME.replace(chr(39), chr(39) * 2)}', level: commune,"
                " kind: people-committee, parent: p.d }\n"
                "  - { id: p.d.y, name: '+SUM(1;2) xã Yên', level: commune, kind: people-committee, parent: p.d }\n")
    with open(os.path.join(root, "rules", "r.yaml"), "w", encoding="utf-8") as f:
        f.write("""rules:
  - id: R-TIEP-DAN
    title: { vi: "Tiếp công dân <b>hằng tháng</b>, \\"định kỳ\\"", en: "Monthly reception" }
    description: "@mô tả; dòng 1"
    source: { document: "Chỉ thị ngày 09/02/2022", clause: "2", basis: "-Luật Tiếp công dân, Điều 15", url: "https://example.org/a?b=1&c=2" }
    severity: high
    applies_to: { level: commune }
    effective: { from: 2024-01-01 }
    kind: frequency
    event: { type: citizen-reception }
    per: month
    at_least: 1
  - id: R-KHIEU-NAI
    title: "Giải quyết khiếu nại, tố cáo; đúng hạn"
    source: { document: "Luật Khiếu nại 2011" }
    severity: critical
    effective: { from: 2024-01-01 }
    kind: deadline
    trigger: { type: complaint-accepted }
    fulfil: { type: complaint-resolved }
    key: [ref]
    within: 30 days
""")
    with open(os.path.join(root, "logs", "a.csv"), "w", encoding="utf-8") as f:
        f.write("id,unit,type,date,ref\n"
                "e1,p.d.x,citizen-reception,2024-01-10,\n"
                "e2,p.d.x,complaint-accepted,2024-03-01,-20\n"
                "e3,p.d.y,complaint-accepted,2024-03-05,@SUM(1+1)\n"
                "e4,p.d.y,complaint-accepted,2024-01-02,\"=1+2,\tx\"\n")


if __name__ == "__main__":
    main(sys.argv[1])

"""Parses a dvcheck JUnit report with junitparser (a real JUnit consumer) and checks it against the
JSON result of the same run: a suite per rule, a case per (rule, unit) pair with a dotted class name
(dvcheck.<rule>); failed when the pair has a violated finding (the message is its sentence),
skipped only when all its non-satisfied findings are waived, otherwise passed with its pending
items in system-out."""
import json
import sys

from junitparser import Error, Failure, JUnitXml, Skipped


def main(junit_path, result_path):
    xml = JUnitXml.fromfile(junit_path)
    result = json.load(open(result_path, encoding="utf-8"))
    suites = list(xml)
    assert len(suites) == result["summary"]["rules"], (len(suites), result["summary"]["rules"])
    pairs = {(m["rule"], m["unit"]): m for m in result["matrix"]}
    sentences = {}
    for f in result["findings"]:
        if f["status"] == "violated":
            sentences.setdefault((f["rule"], f["unit"]), f["message"])
    seen = 0
    failed = skipped = 0
    for suite in suites:
        for case in suite:
            unit = case.name.split(" ", 1)[0]
            assert case.classname.startswith("dvcheck."), case.classname
            rule = case.classname[len("dvcheck."):]
            m = pairs[(rule, unit)]
            seen += 1
            kinds = [type(r) for r in case.result]
            assert Error not in kinds
            if m["violated"]:
                assert kinds == [Failure], (case.classname, unit, kinds)
                body = case.result[0].text or ""
                assert body.count("\n") + 1 == m["violated"], (case.classname, unit)
                assert case.result[0].message == sentences[(rule, unit)], (case.result[0].message, rule, unit)
                failed += 1
            elif m["waived"] and not m["pending"]:
                assert kinds == [Skipped] and case.result[0].message, (case.classname, unit)
                skipped += 1
            else:
                assert kinds == [], (case.classname, unit, kinds)
                if m["pending"]:
                    assert (case.system_out or "").count("\n") + 1 == m["pending"] + m["waived"], (rule, unit)
    assert seen == len(pairs), (seen, len(pairs))
    assert xml.failures == failed and xml.skipped == skipped, (xml.failures, failed, xml.skipped, skipped)
    print(f"junit: {len(suites)} suites, {seen} cases, {failed} failed, {skipped} skipped (junitparser)")


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Parses a dvcheck JUnit report with junitparser (a real JUnit consumer) and checks it against the
JSON result of the same run: a suite per rule, a case per (rule, unit) pair, failed / skipped /
passed as the findings say."""
import json
import sys

from junitparser import Error, Failure, JUnitXml, Skipped


def main(junit_path, result_path):
    xml = JUnitXml.fromfile(junit_path)
    result = json.load(open(result_path, encoding="utf-8"))
    suites = list(xml)
    assert len(suites) == result["summary"]["rules"], (len(suites), result["summary"]["rules"])
    pairs = {(m["rule"], m["unit"]): m for m in result["matrix"]}
    seen = 0
    failed = skipped = 0
    for suite in suites:
        for case in suite:
            unit = case.name.split(" ", 1)[0]
            m = pairs[(case.classname, unit)]
            seen += 1
            kinds = [type(r) for r in case.result]
            assert Error not in kinds
            if m["violated"]:
                assert kinds == [Failure], (case.classname, unit, kinds)
                body = case.result[0].text or ""
                assert body.count("\n") + 1 == m["violated"], (case.classname, unit)
                failed += 1
            elif m["pending"] or m["waived"]:
                assert kinds == [Skipped] and case.result[0].message, (case.classname, unit)
                skipped += 1
            else:
                assert kinds == [], (case.classname, unit, kinds)
    assert seen == len(pairs), (seen, len(pairs))
    assert xml.failures == failed and xml.skipped == skipped, (xml.failures, failed, xml.skipped, skipped)
    print(f"junit: {len(suites)} suites, {seen} cases, {failed} failed, {skipped} skipped (junitparser)")


if __name__ == "__main__":
    main(*sys.argv[1:3])

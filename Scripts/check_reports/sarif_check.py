"""Validates a dvcheck SARIF log against the official OASIS SARIF 2.1.0 schema and against the
JSON result of the same run: one descriptor per rule, one result per violated finding."""
import json
import sys

import jsonschema


def main(sarif_path, schema_path, result_path):
    sarif = json.load(open(sarif_path, encoding="utf-8"))
    schema = json.load(open(schema_path, encoding="utf-8"))
    result = json.load(open(result_path, encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    for e in errors[:10]:
        print(f"schema: {'/'.join(map(str, e.path))}: {e.message}")
    assert not errors, f"{len(errors)} schema errors"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == result["summary"]["rules"], (len(rules), result["summary"]["rules"])
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"], r["id"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note"), r["id"]
        url = r["properties"]["source"].get("url")
        if url and url.lower().startswith(("http://", "https://")):
            assert r["helpUri"] == url, r["id"]
        else:
            assert "helpUri" not in r, r["id"]  # only http(s) links become a helpUri
    violated = [f for f in result["findings"] if f["status"] == "violated"]
    results = run["results"]
    assert len(results) == len(violated), (len(results), len(violated))
    for res, f in zip(results, violated):
        assert res["ruleId"] == f["rule"] and res["partialFingerprints"]["dvcheckFingerprint/v1"] == f["fingerprint"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert 1 <= region["startLine"] <= region["endLine"], region
        assert res["properties"]["unit"] == f["unit"]
        assert res["properties"].get("due") == f.get("due")
        assert res["properties"]["evidence"] == f.get("events", [])  # a ratio finding has no events
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    assert run["properties"]["asOf"] == result["as_of"]
    assert [x["sha256"] for x in run["properties"]["inputs"]["rules"]] == [x["sha256"] for x in result["inputs"]["rules"]]
    print(f"sarif: valid against the OASIS schema; {len(rules)} rules, {len(results)} results")


if __name__ == "__main__":
    main(*sys.argv[1:4])

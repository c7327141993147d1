"""Validates a dvcheck SARIF log against the official OASIS SARIF 2.1.0 schema and against the
JSON result of the same run (SPEC §10.8): one descriptor per rule with help text and Markdown, one
result per reported finding with kind/level/severity, its first evidence event's log line as the
primary location, the rule and the other evidence as related locations, %SRCROOT%-relative or
absolute file:// URIs, dvcheck/v1 fingerprints, waived findings as suppressions, and invocations
with the exit code and the diagnostics."""
import json
import os
import sys
import urllib.parse

import jsonschema

LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}


def resolve(location, project_dir):
    """The absolute path an artifactLocation names."""
    artifact = location["physicalLocation"]["artifactLocation"]
    uri = artifact["uri"]
    if artifact.get("uriBaseId") == "%SRCROOT%":
        assert not uri.startswith("/") and "://" not in uri, uri
        return os.path.normpath(os.path.join(os.getcwd(), urllib.parse.unquote(uri)))
    assert uri.startswith("file:///"), f"a URI outside the working folder must be an absolute file URI: {uri}"
    path = urllib.parse.unquote(uri[len("file://"):])
    assert not path.startswith(os.getcwd() + os.sep), f"{uri} lies under the working folder: use %SRCROOT%"
    return path


def main(sarif_path, schema_path, result_path):
    sarif = json.load(open(sarif_path, encoding="utf-8"))
    schema = json.load(open(schema_path, encoding="utf-8"))
    result = json.load(open(result_path, encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    for e in errors[:10]:
        print(f"schema: {'/'.join(map(str, e.path))}: {e.message}")
    assert not errors, f"{len(errors)} schema errors"
    project = os.path.normpath(os.path.join(os.getcwd(), result["project_dir"]))
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == result["summary"]["rules"], (len(rules), result["summary"]["rules"])
    by_id = {r["id"]: r for r in result["rules"]}
    docs = result.get("docs_url")
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"], r["id"]
        assert r["help"]["text"] and r["help"]["markdown"].startswith("**"), r["id"]
        assert r["defaultConfiguration"]["level"] == LEVELS[r["properties"]["severity"]], r["id"]
        tags = [r["properties"]["kind"], r["properties"]["severity"], r["properties"]["binding"]]
        assert r["properties"]["tags"][:3] == tags, r["id"]
        assert r["properties"]["binding"] == by_id[r["id"]]["binding"], r["id"]
        # Only the project's docs_url becomes a link, never a URL from a rule file.
        if docs:
            assert r["helpUri"] == docs + "#" + urllib.parse.quote(r["id"], safe="-._~!$&'()*+,;=:@"), r["id"]
        else:
            assert "helpUri" not in r, r["id"]
    listed = result["findings"]
    results = run["results"]
    assert len(results) == len(listed), (len(results), len(listed))
    waivers = {w["index"]: w for w in result.get("waivers", [])}
    evidence_checked = 0
    for res, f in zip(results, listed):
        assert res["ruleId"] == f["rule"] and res["partialFingerprints"]["dvcheck/v1"] == f["fingerprint"]
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        underlying = f["status"]
        if underlying == "waived":
            underlying = "violated" if f.get("reason") not in (None, "paused") else "pending"
        kind = {"violated": "fail", "pending": "open", "satisfied": "pass"}[underlying]
        assert res["kind"] == kind, (res["kind"], f)
        assert res["level"] == (LEVELS[f["severity"]] if kind == "fail" else "none"), (res["level"], f)
        assert res["properties"]["severity"] == f["severity"]
        assert res["properties"]["unit"] == f["unit"] and res["properties"].get("due") == f.get("due")
        assert res["properties"]["evidence"] == f.get("events", [])  # a ratio finding has no events
        # The unit is named once in run.logicalLocations; the result points at it by index.
        unit_location = res["locations"][0]["logicalLocations"][0]
        assert run["logicalLocations"][unit_location["index"]]["name"] == f["unit"], unit_location
        primary = res["locations"][0]
        events = [result["events"][e] for e in f.get("events", []) if e in result["events"]]
        rule_file = os.path.normpath(os.path.join(project, by_id[f["rule"]]["location"]["path"]))
        related = res.get("relatedLocations", [])
        if events:
            first = events[0]
            assert resolve(primary, project) == os.path.normpath(os.path.join(project, first["path"])), primary
            if "sheet" in first:
                assert "region" not in primary["physicalLocation"], primary
                cells = [l["name"] for l in primary["logicalLocations"] if l["kind"] == "worksheet-cell"]
                assert cells and cells[0].startswith(first["sheet"] + "!"), primary
            else:
                assert primary["physicalLocation"]["region"]["startLine"] == first["line"], (primary, first)
            assert resolve(related[0], project) == rule_file, related
            assert len(related) == len(events), (len(related), len(events))
            for loc, event in zip(related[1:], events[1:]):
                assert resolve(loc, project) == os.path.normpath(os.path.join(project, event["path"]))
            evidence_checked += 1
        else:
            assert resolve(primary, project) == rule_file, primary
            region = primary["physicalLocation"]["region"]
            assert 1 <= region["startLine"] <= region["endLine"], region
        if f["status"] == "waived":
            s = res["suppressions"][0]
            w = waivers[f["waiver"]]
            assert s["kind"] == "external" and s["justification"] == w["reason"], s
            assert s["properties"]["approved_by"] == w["approved_by"] and s["properties"]["expires"] == w["expires"]
        else:
            assert "suppressions" not in res, res
    invocation = run["invocations"][0]
    assert invocation["exitCode"] == result["exit_code"], (invocation["exitCode"], result["exit_code"])
    assert invocation["executionSuccessful"] == (result["exit_code"] != 2)
    notes = invocation.get("toolExecutionNotifications", [])
    assert len(notes) == len(result["diagnostics"]), (len(notes), len(result["diagnostics"]))
    for n, d in zip(notes, result["diagnostics"]):
        assert n["descriptor"]["id"] == d["code"] and n["level"] == d["level"], (n, d)
        if d.get("path") and d.get("line"):
            assert n["locations"][0]["physicalLocation"]["region"]["startLine"] == d["line"], (n, d)
    assert run["properties"]["asOf"] == result["as_of"]
    assert [x["sha256"] for x in run["properties"]["inputs"]["rules"]] == [x["sha256"] for x in result["inputs"]["rules"]]
    print(
        f"sarif: valid against the OASIS schema; {len(rules)} rules, {len(results)} results "
        f"({evidence_checked} at their evidence), {len(notes)} notifications"
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])

"""Checks the change marks of two compared JSON results (`--history` or `--baseline`): every
tracked finding of the later run is marked, `new` exactly when the earlier run did not report the
same fingerprint with the same status, and `resolved` lists the earlier findings that are gone."""
import json
import sys


def tracked(result):
    return {f["fingerprint"]: f for f in result["findings"] if f["status"] != "satisfied"}


def main(first_path, second_path, *more):
    first = json.load(open(first_path, encoding="utf-8"))
    second = json.load(open(second_path, encoding="utf-8"))
    before, after = tracked(first), tracked(second)
    for fp, f in after.items():
        expected = "persisting" if fp in before and before[fp]["status"] == f["status"] else "new"
        assert f.get("change") == expected, (fp, f.get("change"), expected)
        if expected == "new" and fp in before:
            assert f["previous_status"] == before[fp]["status"]
    resolved = [r["fingerprint"] for r in second["resolved"]]
    assert sorted(resolved) == sorted(set(before) - set(after)), "resolved list differs"
    for other in more:  # the same comparison made another way must give the same marks
        o = json.load(open(other, encoding="utf-8"))
        assert [(f["fingerprint"], f.get("change")) for f in o["findings"]] == \
            [(f["fingerprint"], f.get("change")) for f in second["findings"]], f"{other} marks differ"
        assert o["resolved"] == second["resolved"], f"{other} resolved differs"
    counts = {m: sum(1 for f in after.values() if f["change"] == m) for m in ("new", "persisting")}
    print(f"changes: {counts['new']} new, {counts['persisting']} persisting, {len(resolved)} resolved")


if __name__ == "__main__":
    main(*sys.argv[1:])

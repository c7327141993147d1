#!/usr/bin/env python3
"""The DuckDB baseline: the six benchmark rules as SQL over a generated project's CSV logs.

    python3 Benchmarks/duckdb_baseline.py PROJECT_DIR OUT_JSON [--threads N]

Loads and validates the CSV, evaluates Benchmarks/baseline.sql, writes the violations and pending
items to OUT_JSON (JSON Lines, as DuckDB's COPY writes them), and prints one JSON object on
standard output: the rejected records by reason, the findings per rule and status (for comparison
with dvcheck's report), and the engine's time (connect to counted result, without the Python
interpreter's start-up and `import duckdb`). Needs `pip install duckdb`.
"""

import json
import os
import re
import sys
import time

import duckdb


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        raise SystemExit(__doc__)
    project, out = (os.path.abspath(a) for a in args)
    threads = None
    if "--threads" in argv:
        threads = int(argv[argv.index("--threads") + 1])
    with open(os.path.join(project, "dvcheck.yaml"), encoding="utf-8") as f:
        as_of = re.search(r"^as_of: (\S+)", f.read(), re.M).group(1)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "baseline.sql"), encoding="utf-8") as f:
        sql = f.read()
    sql = sql.replace("{project}", project).replace("{as_of}", as_of).replace("{out}", out)
    # The engine's time: from connecting to the written result, without Python's start-up and import.
    started = time.perf_counter()
    con = duckdb.connect(":memory:")
    if threads:
        con.execute("SET threads = %d" % threads)
    con.execute("SET preserve_insertion_order = false")
    for statement in split(sql):
        con.execute(statement)
    rejected = dict(con.execute(
        "SELECT problem, count(*) FROM checked WHERE problem IS NOT NULL GROUP BY ALL").fetchall())
    counts = {}
    for rule, status, n in con.execute("SELECT rule, status, count(*) FROM findings GROUP BY ALL").fetchall():
        counts.setdefault(rule, {"satisfied": 0, "violated": 0, "pending": 0})[status] = n
    events = con.execute("SELECT count(*) FROM raw").fetchone()[0]
    engine = time.perf_counter() - started
    json.dump({"as_of": as_of, "records": events, "rejected": rejected, "engine_seconds": round(engine, 3),
               "by_rule": dict(sorted(counts.items()))}, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


def split(sql):
    """The statements of a script: ';' at a line end closes one; '--' comment lines are dropped."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    out, current = [], []
    for line in lines:
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current))
            current = []
    if "".join(current).strip():
        out.append("\n".join(current))
    return out


if __name__ == "__main__":
    main(sys.argv[1:])

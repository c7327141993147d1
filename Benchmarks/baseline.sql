-- The six benchmark rules as SQL in DuckDB: what an engineer would write instead of dvcheck.
--
-- Run by Benchmarks/duckdb_baseline.py with these placeholders replaced: {project} (the generated
-- project folder), {as_of} (its as-of date) and {out} (where the violations are written as JSON).
-- The SQL follows SPEC §5-§6 only as far as the generated data exercises it: roll-forward over
-- weekends, holidays and make-up days from calendar.yaml; FIFO pairing by rank within (unit, ref);
-- no successors, no waivers, no partial periods (every window starts on a period start).

-- 1. Load and validate ----------------------------------------------------------------------------
CREATE TEMP TABLE raw AS
SELECT * FROM read_csv('{project}/logs/*.csv', header = true, all_varchar = true,
    columns = {'id': 'VARCHAR', 'unit': 'VARCHAR', 'type': 'VARCHAR', 'date': 'VARCHAR',
               'ref': 'VARCHAR', 'role': 'VARCHAR', 'topic': 'VARCHAR', 'period': 'VARCHAR'});

-- The unit registry, read from units.yaml as lines of text (one flow map per unit).
CREATE TEMP TABLE units AS
SELECT regexp_extract(line, 'id: ([^,]+),', 1) AS id,
       regexp_extract(line, 'level: ([^,]+),', 1) AS level,
       regexp_extract(line, 'kind: ([^,]+),', 1) AS kind,
       line LIKE '%tags: [remote]%' AS remote
FROM read_csv('{project}/units.yaml', header = false, delim = '\x01', quote = '', escape = '',
    columns = {'line': 'VARCHAR'})
WHERE line LIKE '  - { id: %';

CREATE TEMP TABLE vocabulary(type VARCHAR, needs_ref BOOLEAN);
INSERT INTO vocabulary VALUES ('citizen-reception', false), ('dialogue', false),
    ('complaint-accepted', true), ('complaint-resolved', true), ('decision', true),
    ('mttq-consultation', true), ('report-submitted', false), ('party-cell-meeting-attended', false);

-- Every record is accepted or rejected with a reason, as dvcheck does (the data has no rejects).
CREATE TEMP TABLE checked AS
SELECT r.id, r.unit, r.type, try_strptime(r.date, '%Y-%m-%d')::DATE AS day, r.ref, r.role, r.topic,
       r.period,
       CASE WHEN r.id IS NULL OR r.unit IS NULL OR r.type IS NULL OR r.date IS NULL THEN 'missing-field'
            WHEN u.id IS NULL THEN 'unknown-unit'
            WHEN try_strptime(r.date, '%Y-%m-%d') IS NULL THEN 'bad-date'
            WHEN v.type IS NULL THEN 'unknown-type'
            WHEN v.needs_ref AND r.ref IS NULL THEN 'missing-field'
            WHEN count(*) OVER (PARTITION BY r.id) > 1 THEN 'duplicate-id'
       END AS problem
FROM raw r LEFT JOIN units u ON u.id = r.unit LEFT JOIN vocabulary v ON v.type = r.type;

CREATE TEMP TABLE events AS
SELECT id, unit, type, day, ref, role, topic, period FROM checked
WHERE problem IS NULL AND day <= DATE '{as_of}';

-- 2. The working-day calendar: holidays and make-up days from calendar.yaml ----------------------
CREATE TEMP TABLE calendar_lines AS
SELECT line FROM read_csv('{project}/calendar.yaml', header = false, delim = '\x01', quote = '',
    escape = '', columns = {'line': 'VARCHAR'});

CREATE TEMP TABLE holidays AS
SELECT DISTINCT d::DATE AS day FROM (
    SELECT unnest(generate_series(
        coalesce(nullif(regexp_extract(line, 'date: ([0-9-]+)', 1), ''),
                 regexp_extract(line, 'from: ([0-9-]+)', 1))::DATE,
        coalesce(nullif(regexp_extract(line, 'date: ([0-9-]+)', 1), ''),
                 regexp_extract(line, 'to: ([0-9-]+)', 1))::DATE,
        INTERVAL 1 DAY)) AS d
    FROM calendar_lines WHERE line LIKE '  - {%');

CREATE TEMP TABLE working_days AS
SELECT unnest(regexp_extract_all(line, '[0-9]{4}-[0-9]{2}-[0-9]{2}'))::DATE AS day
FROM calendar_lines WHERE line LIKE 'working_days:%';

-- next_working(day): the first working day on or after it (covers 2022-2026; weekends elsewhere).
CREATE TEMP TABLE days AS
WITH d AS (
    SELECT unnest(generate_series(DATE '2021-01-01', DATE '2027-12-31', INTERVAL 1 DAY))::DATE AS day),
w AS (
    SELECT d.day,
           CASE WHEN wd.day IS NOT NULL THEN true
                WHEN d.day BETWEEN DATE '2022-01-01' AND DATE '2026-12-31' AND h.day IS NOT NULL THEN false
                ELSE isodow(d.day) < 6 END AS working
    FROM d LEFT JOIN holidays h ON h.day = d.day LEFT JOIN working_days wd ON wd.day = d.day)
SELECT day, min(CASE WHEN working THEN day END)
           OVER (ORDER BY day ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_working
FROM w;

-- 3. The rules, one finding per row: (rule, unit, status) ----------------------------------------
CREATE TEMP TABLE findings(rule VARCHAR, unit VARCHAR, label VARCHAR, status VARCHAR);

-- B-WEEKLY: frequency, communes, a head's reception at least once per ISO week from 2022-01-03.
INSERT INTO findings
WITH weeks AS (
    SELECT unnest(generate_series(DATE '2022-01-03', DATE '{as_of}', INTERVAL 7 DAY))::DATE AS start),
counts AS (
    SELECT unit, date_trunc('week', day)::DATE AS start, count(*) AS n FROM events
    WHERE type = 'citizen-reception' AND role = 'head' AND day >= DATE '2022-01-03'
    GROUP BY ALL)
SELECT 'B-WEEKLY', u.id, strftime(w.start, '%G-W%V'),
       CASE WHEN coalesce(c.n, 0) >= 1 THEN 'satisfied'
            WHEN w.start + 6 < DATE '{as_of}' THEN 'violated' ELSE 'pending' END
FROM units u CROSS JOIN weeks w LEFT JOIN counts c ON c.unit = u.id AND c.start = w.start
WHERE u.level = 'commune';

-- B-MONTHLY: frequency, provinces and communes, a dialogue at least once per month from 2022-01.
INSERT INTO findings
WITH months AS (
    SELECT unnest(generate_series(DATE '2022-01-01', DATE '{as_of}', INTERVAL 1 MONTH))::DATE AS start),
counts AS (
    SELECT unit, date_trunc('month', day)::DATE AS start, count(*) AS n FROM events
    WHERE type = 'dialogue' AND day >= DATE '2022-01-01' GROUP BY ALL)
SELECT 'B-MONTHLY', u.id, strftime(m.start, '%Y-%m'),
       CASE WHEN coalesce(c.n, 0) >= 1 THEN 'satisfied'
            WHEN last_day(m.start) < DATE '{as_of}' THEN 'violated' ELSE 'pending' END
FROM units u CROSS JOIN months m LEFT JOIN counts c ON c.unit = u.id AND c.start = m.start
WHERE u.level IN ('province', 'commune');

-- B-DEADLINE: complaints resolved within 30 days (45 for remote communes), rolled forward; FIFO
-- pairing per unit and ref: the n-th fulfilment takes the n-th trigger.
INSERT INTO findings
WITH t AS (
    SELECT e.unit, e.id, e.ref, e.day,
           row_number() OVER (PARTITION BY e.unit, e.ref ORDER BY e.day, e.id) AS n,
           CASE WHEN u.remote THEN 45 ELSE 30 END AS limit_days
    FROM events e JOIN units u ON u.id = e.unit
    WHERE e.type = 'complaint-accepted' AND u.level = 'commune'),
f AS (
    SELECT unit, id, ref, day, row_number() OVER (PARTITION BY unit, ref ORDER BY day, id) AS n
    FROM events WHERE type = 'complaint-resolved'),
paired AS (
    SELECT t.unit, t.id, t.day, d.next_working AS due, f.day AS done
    FROM t JOIN days d ON d.day = t.day + t.limit_days
    LEFT JOIN f ON f.unit = t.unit AND f.ref = t.ref AND f.n = t.n AND f.day >= t.day
    WHERE t.day >= DATE '2022-01-01')
SELECT 'B-DEADLINE', unit, id,
       CASE WHEN done IS NOT NULL AND done <= due THEN 'satisfied'
            WHEN done IS NOT NULL THEN 'violated'
            WHEN DATE '{as_of}' > due THEN 'violated' ELSE 'pending' END
FROM paired;

-- B-PRECEDENCE: a land, planning or site-clearance decision needs an MTTQ consultation with the
-- same ref 0 to 90 days before it.
INSERT INTO findings
SELECT 'B-PRECEDENCE', t.unit, t.id,
       CASE WHEN EXISTS (
           SELECT 1 FROM events c
           WHERE c.type = 'mttq-consultation' AND c.unit = t.unit AND c.ref = t.ref
             AND c.day BETWEEN t.day - 90 AND t.day AND c.id <> t.id)
            THEN 'satisfied' ELSE 'violated' END
FROM events t JOIN units u ON u.id = t.unit
WHERE t.type = 'decision' AND t.topic IN ('land', 'planning', 'site-clearance')
  AND u.level = 'commune' AND t.day >= DATE '2022-01-01';

-- B-PERIODIC: a half-year report, matched by its period label, due 15 days after the half-year
-- ends (rolled forward); the earliest report decides.
INSERT INTO findings
WITH halves AS (
    SELECT start, strftime(start, '%Y') || CASE WHEN month(start) = 1 THEN '-H1' ELSE '-H2' END AS label,
           (start + INTERVAL 6 MONTH - INTERVAL 1 DAY)::DATE AS stop
    FROM (SELECT unnest(generate_series(DATE '2022-01-01', DATE '{as_of}', INTERVAL 6 MONTH))::DATE AS start)),
firsts AS (
    SELECT unit, period, min(day) AS day FROM events WHERE type = 'report-submitted' GROUP BY ALL)
SELECT 'B-PERIODIC', u.id, h.label,
       CASE WHEN r.day IS NOT NULL AND r.day <= d.next_working THEN 'satisfied'
            WHEN r.day IS NOT NULL THEN 'violated'
            WHEN DATE '{as_of}' > d.next_working THEN 'violated' ELSE 'pending' END
FROM units u CROSS JOIN halves h JOIN days d ON d.day = h.stop + 15
LEFT JOIN firsts r ON r.unit = u.id AND r.period = h.label
WHERE u.level IN ('province', 'commune');

-- B-REGULARITY: party cells, no gap over 45 days between attendances; the points are the window
-- start, each attendance date and the as-of date (the last gap open, pending until it exceeds).
INSERT INTO findings
WITH points AS (
    SELECT id AS unit, DATE '2022-01-01' AS day FROM units WHERE kind = 'party-cell'
    UNION
    SELECT e.unit, e.day FROM events e JOIN units u ON u.id = e.unit
    WHERE e.type = 'party-cell-meeting-attended' AND u.kind = 'party-cell'
      AND e.day >= DATE '2022-01-01'),
gaps AS (
    SELECT unit, day AS a, lead(day) OVER (PARTITION BY unit ORDER BY day) AS b FROM points)
SELECT 'B-REGULARITY', unit, a::VARCHAR,
       CASE WHEN coalesce(b, DATE '{as_of}') - a > 45 THEN 'violated'
            WHEN b IS NULL THEN 'pending' ELSE 'satisfied' END
FROM gaps;

-- 4. Output: the violations and pending items as JSON (as dvcheck writes its report) ------------
COPY (SELECT * FROM findings WHERE status <> 'satisfied' ORDER BY unit, rule, label)
TO '{out}' (FORMAT JSON);

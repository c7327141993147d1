"""Parses a dvcheck iCalendar file with the `icalendar` package and checks RFC 5545 framing by hand
(CRLF, 75-octet lines) and the content: one all-day event per pending finding on its due date."""
import datetime
import json
import sys

import icalendar


def main(ics_path, result_path):
    raw = open(ics_path, "rb").read()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "lines must end with CRLF"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"line over 75 octets: {line[:40]!r}"
    cal = icalendar.Calendar.from_ical(raw)
    result = json.load(open(result_path, encoding="utf-8"))
    pending = {f["fingerprint"]: f for f in result["findings"] if f["status"] == "pending" and "due" in f}
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(pending), (len(events), len(pending))
    as_of = datetime.date.fromisoformat(result["as_of"])
    for ev in events:
        fp = str(ev["UID"]).split("@")[0]
        f = pending[fp]
        start = ev.decoded("DTSTART")
        assert isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)
        assert start.isoformat() == f["due"], (start, f["due"])
        assert ev.decoded("DTEND") == start + datetime.timedelta(days=1)
        assert ev.decoded("DTSTAMP").date() == as_of
        assert f["message"] in str(ev["DESCRIPTION"]), fp
    print(f"ics: {len(events)} all-day events, one per pending finding (icalendar)")


if __name__ == "__main__":
    main(*sys.argv[1:3])

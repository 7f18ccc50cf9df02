#!/usr/bin/python3
"""Parses an iCalendar file with the icalendar package and prints its events as JSON."""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())
events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "description": str(event["DESCRIPTION"]),
        "start": start.isoformat(),
        "all_day": "DTEND" in event and not hasattr(start, "hour"),
        "duration_minutes": int(event.decoded("DURATION").total_seconds() // 60) if "DURATION" in event else None,
    })
json.dump({"version": str(calendar["VERSION"]), "events": events}, sys.stdout, ensure_ascii=False)

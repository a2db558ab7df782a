"""The action plan's due dates as an iCalendar (.ics) file: one all-day event an open action."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.dossier import Dossier

_CLOSED = ("done", "dropped")


def _escape(text: str) -> str:
    """Return `text` as an iCalendar TEXT value (RFC 5545 3.3.11), control characters dropped."""
    text = "".join(c for c in text if c in "\n" or (ord(c) >= 32 and ord(c) != 127))
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def _fold(line: str) -> str:
    """Return a content line folded at 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def actions_ics(dossier: Dossier, stamp: dt.datetime) -> str:
    """Return the open actions with a due date as VEVENTs on their due day."""
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ddcheck//action plan//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(dossier.title)}",
    ]
    for action in dossier.actions:
        if action.due is None or action.status in _CLOSED:
            continue
        details = [action.gap, action.deliverable and f"→ {action.deliverable}"]
        if action.owner:
            details.append(f"owner: {action.owner}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{action.id}@{dossier.id}.ddcheck",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{action.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{action.due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(action.action)}",
            f"DESCRIPTION:{_escape(chr(10).join(d for d in details if d))}",
            f"PRIORITY:{ {'high': 1, 'medium': 5, 'low': 9}[action.priority] }",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)

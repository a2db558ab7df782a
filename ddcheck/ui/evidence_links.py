"""Evidence as a link or drive path in the app: asked for, and opened only after asking."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from ddcheck.ui.context import AppContext
from ddcheck.ui.i18n import tr, tr_in
from ddcheck.ui.session import DossierSession


def _day(text: str | None) -> dt.date | bool | None:
    """Return the date typed (YYYY-MM-DD), None for nothing, or False when it is no date."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return False


def add_link(ctx: AppContext, parent: QWidget, session: DossierSession, key: str) -> None:
    """Ask for a link or path and its 'valid until' date; record it as the item's evidence."""
    location = ctx.prompts.ask_text(
        parent,
        tr("Add link"),
        tr(
            "Web link (https://…) or path on the company drive (S:\\…). ddcheck keeps only "
            "the link and never opens it by itself."
        ),
        "",
    )
    if not location or not location.strip():
        return
    until: dt.date | bool | None = False
    text: str | None = ""
    while until is False:
        text = ctx.prompts.ask_text(
            parent,
            tr("Add link"),
            tr("Valid until (YYYY-MM-DD; leave empty when it does not expire)"),
            text or "",
        )
        if text is None:
            return
        until = _day(text)
        if until is False:
            ctx.prompts.error(parent, tr("Add link"), tr("'{text}' is not a date.", text=text))
    session.attach_link(key, location, valid_until=until)


def open_link(ctx: AppContext, parent: QWidget, evidence: Any) -> None:
    """Open a link or path with the system, only when the user agrees."""
    if ctx.prompts.confirm(
        parent,
        tr("Open link"),
        tr(
            "{name} is kept at {location}. Open it? (A web link needs a network; ddcheck "
            "itself stays offline.)",
            name=evidence.name,
            location=evidence.location,
        ),
        tr_in("button", "Open"),
    ):
        ctx.open_location(evidence.location)

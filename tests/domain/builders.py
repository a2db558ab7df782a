"""A small template and dossier to exercise the domain rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ddcheck.domain.dossier import Answer, Company, Dossier, Mission, TemplateUse
from ddcheck.domain.templates import Template

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def text(en: str) -> dict[str, str]:
    """Return a bilingual text whose Dutch is marked as such."""
    return {"nl": f"NL {en}", "en": en}


def item(item_id: str, scale: str = "status", **extra: Any) -> dict[str, Any]:
    """Return a minimal item mapping."""
    return {
        "id": item_id,
        "question": text(f"Question {item_id}?"),
        "guidance": text(f"Guidance {item_id}."),
        "scale": scale,
        "refs": [{"source": "oecd-ddg-2018", "locator": "1.1"}],
        **extra,
    }


def template_data(**overrides: Any) -> dict[str, Any]:
    """Return a small valid template mapping with two sections."""
    data: dict[str, Any] = {
        "format": 1,
        "id": "mini",
        "version": 1,
        "kind": "checklist",
        "title": text("Mini"),
        "description": text("A small checklist."),
        "sections": [
            {
                "id": "step-1",
                "title": text("Embed"),
                "oecd_step": "1",
                "items": [
                    item("policy", oecd_step="1.1", red_flags=["no"]),
                    item("maturity", scale="maturity", oecd_step="1.2"),
                    item("notes", scale="text", required=False),
                ],
            },
            {
                "id": "ps2",
                "title": text("Labour"),
                "ifc_standard": "PS2",
                "items": [
                    item("ps2-applicable", scale="yes_no"),
                    item(
                        "ps2-fees",
                        scale="ifc_result",
                        applies_if={"answer": "ps2-applicable", "in": ["yes", "unknown"]},
                    ),
                ],
            },
        ],
    }
    data.update(overrides)
    return data


def mini_template() -> Template:
    """Return the small template."""
    return Template.model_validate(template_data())


def make_dossier(answers: list[Answer] | None = None, **mission: Any) -> Dossier:
    """Return a dossier that uses the mini template."""
    return Dossier(
        id="d1",
        company=Company(name="Bouwmachines Zuid BV", kvk_number="12345678"),
        mission=Mission(name="Riyadh 2027", destinations=["SA"], **mission),
        created_at=NOW,
        updated_at=NOW,
        templates=[TemplateUse(id="mini", version=1)],
        answers=answers or [],
    )


def answer(item_id: str, value: Any, **extra: Any) -> Answer:
    """Return an answer to an item of the mini template."""
    return Answer(template_id="mini", item_id=item_id, value=value, **extra)

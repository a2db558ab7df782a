"""Plain factories for valid domain objects: dossiers, templates, snapshots."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.dossier import (
    Action,
    Answer,
    Company,
    Dossier,
    Evidence,
    ItemReview,
    Mission,
    Review,
    Risk,
    TemplateUse,
)
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Template

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
SECRET = "SECRET-CONFIDENTIAL"


def bilingual(en: str, nl: str | None = None) -> dict[str, str]:
    """Return a text in both languages (Dutch marked with NL when not given)."""
    return {"nl": nl or f"NL {en}", "en": en}


def make_company(**overrides: Any) -> Company:
    """Return a company."""
    data: dict[str, Any] = {
        "name": "Bouwmachines Zuid BV",
        "kvk_number": "12345678",
        "sector": "Construction machinery",
        "size": "medium",
        "contact_name": "Anna de Vries",
        "contact_email": "anna@example.nl",
    }
    data.update(overrides)
    return Company(**data)


def make_mission(**overrides: Any) -> Mission:
    """Return a mission to Saudi Arabia with export credit insurance."""
    data: dict[str, Any] = {
        "name": "Trade mission Riyadh 2027",
        "destinations": ["SA"],
        "start": dt.date(2027, 2, 8),
        "end": dt.date(2027, 2, 12),
        "organiser": "RVO",
        "activities": ["export", "project"],
        "export_credit_insurance": True,
    }
    data.update(overrides)
    return Mission(**data)


def make_dossier(templates: Mapping[str, Template] | None = None, **overrides: Any) -> Dossier:
    """Return an empty dossier using `templates` (default: none)."""
    data: dict[str, Any] = {
        "id": "d-0001",
        "company": make_company(),
        "mission": make_mission(),
        "created_at": NOW,
        "updated_at": NOW,
        "templates": [TemplateUse(id=t.id, version=t.version) for t in (templates or {}).values()],
    }
    data.update(overrides)
    return Dossier(**data)


_SCALES = (
    "status",
    "maturity",
    "ifc_result",
    "yes_no",
    "text",
    "number",
    "date",
    "acknowledgement",
)


def synthetic_template(
    template_id: str = "synthetic", sections: int = 4, items_per_section: int = 6, **extra: Any
) -> Template:
    """Return a template with every built-in scale, OECD steps and IFC standards."""
    section_data = []
    for s in range(1, sections + 1):
        items = []
        for i in range(1, items_per_section + 1):
            n = (s - 1) * items_per_section + i
            scale = _SCALES[(n - 1) % len(_SCALES)]
            items.append(
                {
                    "id": f"q{s}-{i}",
                    "question": bilingual(
                        f"Does the company handle topic {n} with due care and document it?",
                        f"Gaat het bedrijf zorgvuldig om met onderwerp {n} en legt het dit vast?",
                    ),
                    "guidance": bilingual(f"Guidance for topic {n}."),
                    "scale": scale,
                    "refs": [
                        {"source": "oecd-ddg-2018", "locator": f"{s}.1"},
                        {"expectation": "L1-Q1-1"},
                    ],
                    "oecd_step": str(1 + (s - 1) % 6),
                    **({"ifc_standard": f"PS{1 + (n % 8)}"} if n % 3 == 0 else {}),
                    **({"red_flags": ["no"]} if scale == "status" else {}),
                }
            )
        section_data.append(
            {
                "id": f"s{s}",
                "title": bilingual(f"Section {s}: topics", f"Onderdeel {s}: onderwerpen"),
                "items": items,
            }
        )
    data: dict[str, Any] = {
        "format": 1,
        "id": template_id,
        "version": 1,
        "title": bilingual("Synthetic checklist", "Synthetische checklist"),
        "description": bilingual("A generated checklist for tests.", "Een gegenereerde lijst."),
        "sections": section_data,
    }
    data.update(extra)
    return Template.model_validate(data)


def _value_for(template: Template, item_id: str, n: int) -> Any:
    item = template.item(item_id)
    assert item is not None
    scale = template.scale_for(item)
    if scale.is_choice:
        options = [o.id for o in scale.options]
        return options[n % len(options)]
    if scale.kind == "number":
        return float(n * 3)
    if scale.kind == "date":
        return (dt.date(2026, 1, 1) + dt.timedelta(days=n)).isoformat()
    return f"Free text answer {n}: the procedure is described in the HR handbook."


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def filled_dossier(
    templates: Mapping[str, Template],
    *,
    confidential_every: int = 7,
    unanswered_every: int = 11,
    **overrides: Any,
) -> Dossier:
    """Return a dossier answering the applicable items, with evidence, actions and a review.

    Confidential answers carry `SECRET` in their note, and evidence and actions linked only to
    them carry it in their names, so tests can search for it.
    """
    dossier = make_dossier(templates, **overrides)
    answers: list[Answer] = []
    evidence: list[Evidence] = []
    actions: list[Action] = []
    reviews: list[ItemReview] = []
    entries = applicable_items(dossier, templates)
    for n, entry in enumerate(entries, start=1):
        if n % unanswered_every == 0:
            continue
        secret = n % confidential_every == 0
        tag = f"{SECRET}-{n}" if secret else f"open-{n}"
        evidence_ids = []
        if n % 4 == 0:
            ev_id = f"ev-{n}"
            name = f"{SECRET}-evidence-{n}.pdf" if secret else f"policy-document-{n}.pdf"
            evidence.append(
                Evidence(id=ev_id, name=name, size=1000 * n, sha256=_digest(name), added_at=NOW)
            )
            evidence_ids.append(ev_id)
        value = _value_for(entry.template, entry.item.id, n)
        answers.append(
            Answer(
                template_id=entry.template.id,
                item_id=entry.item.id,
                value=value,
                note=f"Note {tag}: we checked this with our supplier.",
                confidential=secret,
                review=n % 13 == 0,
                risk=Risk(
                    severity=1 + n % 4,
                    likelihood=1 + (n // 4) % 4,
                    involvement=("cause", "contribute", "linked")[n % 3],
                )
                if n % 2 == 0
                else Risk(),
                evidence_ids=evidence_ids,
                updated_at=NOW,
            )
        )
        if n % 5 == 0:
            actions.append(
                Action(
                    id=f"act-{n}",
                    item_keys=[entry.key],
                    action=f"{SECRET} action {n}" if secret else f"Write procedure {n}",
                    gap=f"Gap found at item {n}",
                    deliverable="Signed procedure",
                    owner="" if n % 10 == 0 else "Anna de Vries",
                    due=dt.date(2027, 1, 1) + dt.timedelta(days=n),
                    priority=("high", "medium", "low")[n % 3],
                    status=("open", "in_progress", "done")[n % 3],
                )
            )
        if n % 9 == 0:
            reviews.append(
                ItemReview(
                    template_id=entry.template.id,
                    item_id=entry.item.id,
                    assessment="question",
                    comment=f"Please explain {tag}.",
                )
            )
    review = Review(
        id="r1",
        reviewer="J. Jansen",
        organisation="RVO",
        reviewed_at=NOW,
        items=reviews,
        verdict="sufficient_with_actions",
    )
    return dossier.model_copy(
        update={
            "answers": answers,
            "evidence": evidence,
            "actions": actions,
            "reviews": [review] if reviews else [],
        }
    )


def make_registry() -> SourceRegistry:
    """Return the shipped source registry (sources and expectations)."""
    from ddcheck.catalog import load_registry
    from ddcheck.paths import resources_dir, seeds_dir

    return load_registry(resources_dir() / "sources.yaml", seeds_dir() / "expectations.yaml")


def make_snapshot(
    dossier: Dossier | None = None,
    templates: Mapping[str, Template] | None = None,
    registry: SourceRegistry | None = None,
    **overrides: Any,
) -> DossierSnapshot:
    """Return a snapshot; by default a filled dossier over one synthetic template."""
    if templates is None:
        template = synthetic_template()
        templates = {template.id: template}
    if dossier is None:
        dossier = filled_dossier(templates)
    data: dict[str, Any] = {
        "dossier": dossier,
        "templates": dict(templates),
        "registry": registry if registry is not None else make_registry(),
        "generated_at": NOW,
        "app_version": "0.1.0",
    }
    data.update(overrides)
    return DossierSnapshot(**data)


def shipped_snapshot(**dossier_overrides: Any) -> DossierSnapshot:
    """Return a filled snapshot over the shipped checklists that apply to the default mission."""
    from ddcheck.catalog import load_shipped_catalog
    from ddcheck.domain.applicability import choose_templates

    catalog = load_shipped_catalog()
    company = dossier_overrides.get("company", make_company())
    mission = dossier_overrides.get("mission", make_mission())
    chosen = choose_templates(catalog.templates.values(), company, mission, "en")
    templates = {c.template.id: c.template for c in chosen if c.applies}
    dossier = filled_dossier(templates, **dossier_overrides)
    return make_snapshot(dossier, templates, catalog.registry)

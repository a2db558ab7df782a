"""Why a checklist applies, worded for the UI: activity and country names, not raw values."""

from __future__ import annotations

from typing import Any

from ddcheck.domain.applicability import profile_values, template_applies
from ddcheck.domain.conditions import (
    AllCondition,
    AnswerCondition,
    AnyCondition,
    Condition,
    NotCondition,
)
from ddcheck.domain.dossier import Company, Mission
from ddcheck.domain.formatting import country_name
from ddcheck.domain.sectors import sector_label
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.ui.i18n import tr


def _field_label(field: str) -> str:
    return {
        "export_credit_insurance": tr("export credit insurance applied for"),
        "destinations": tr("destination"),
        "activities": tr("activity"),
        "sector": tr("sector"),
        "size": tr("company size"),
        "high_risk_destinations": tr("conflict-affected or high-risk area"),
        "high_risk_area": tr("a destination marked as conflict-affected or high-risk"),
    }.get(field, field)


def activity_labels() -> dict[str, str]:
    """Return the planned-activity labels."""
    return {
        "export": tr("Export of goods"),
        "import_sourcing": tr("Import or sourcing"),
        "investment": tr("Investment (own establishment, joint venture)"),
        "project": tr("Construction or infrastructure project"),
        "services": tr("Services"),
    }


def size_labels() -> dict[str, str]:
    """Return the company-size labels."""
    return {
        "micro": tr("Micro (fewer than 10 staff)"),
        "small": tr("Small (10–49 staff)"),
        "medium": tr("Medium (50–249 staff)"),
        "large": tr("Large (250 staff or more)"),
    }


def value_name(field: str, value: Any, lang: Language) -> str:
    """Return a profile value as the wizard shows it (activity label, country name, size)."""
    if field in ("destinations", "high_risk_destinations"):
        return country_name(str(value), lang)
    if field == "sector":
        return sector_label(str(value), lang).lower()
    if field == "activities":
        return activity_labels().get(str(value), str(value)).lower()
    if field == "size":
        return size_labels().get(str(value), str(value)).lower()
    return str(value)


def describe(condition: Condition | None, lang: Language) -> str:
    """Return a short phrase for a condition in the UI language."""
    if condition is None:
        return tr("always")
    if isinstance(condition, AllCondition):
        return "(" + tr(" and ").join(describe(c, lang) for c in condition.all) + ")"
    if isinstance(condition, AnyCondition):
        return "(" + tr(" or ").join(describe(c, lang) for c in condition.any) + ")"
    if isinstance(condition, NotCondition):
        return tr("not {condition}", condition=describe(condition.not_, lang))
    if isinstance(condition, AnswerCondition):
        return tr(
            "{item} answered {options}", item=condition.answer, options=" / ".join(condition.in_)
        )
    label = _field_label(condition.profile)
    if condition.equals is True:
        return label
    if condition.equals is False:
        return tr("no {what}", what=label)
    if condition.equals is not None:
        return f"{label}: {value_name(condition.profile, condition.equals, lang)}"
    values = condition.in_ if condition.in_ is not None else condition.contains_any or ()
    names = tr(" or ").join(value_name(condition.profile, v, lang) for v in values)
    return f"{label}: {names}"


def explain(template: Template, company: Company, mission: Mission, lang: Language) -> str:
    """Return why a checklist does or does not apply to this company and mission."""
    profile = profile_values(company, mission)
    if template.countries:
        matched = sorted(set(profile.get("destinations") or ()) & set(template.countries))
        names = ", ".join(sorted(country_name(c, lang) for c in (matched or template.countries)))
        if matched:
            return tr("destination: {countries}", countries=names)
        return tr("no destination in {countries}", countries=names)
    if template.applies_if is None:
        return tr("applies to every mission")
    condition = describe(template.applies_if, lang)
    if template_applies(template, profile):
        return tr("applies: {condition}", condition=condition)
    return tr("only when {condition}", condition=condition)

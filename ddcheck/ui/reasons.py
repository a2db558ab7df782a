"""Why a checklist applies, for the wizard: the domain's sentences in the UI language."""

from __future__ import annotations

from ddcheck.domain import reasons
from ddcheck.domain.applicability import explain_template
from ddcheck.domain.dossier import Company, Mission, profile_values
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.ui.i18n import language


def activity_labels() -> dict[str, str]:
    """Return the planned-activity labels in the UI language."""
    return reasons.activity_labels(language())


def size_labels() -> dict[str, str]:
    """Return the company-size labels in the UI language."""
    return reasons.size_labels(language())


def explain(template: Template, company: Company, mission: Mission, lang: Language) -> str:
    """Return, as a sentence, why a checklist does or does not apply to this company and mission."""
    return explain_template(template, profile_values(company, mission), lang)

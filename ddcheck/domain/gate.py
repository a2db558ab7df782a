"""The export gate: what blocks or warns before a dossier is exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Action, Dossier
from ddcheck.domain.formatting import date_field
from ddcheck.domain.scoring import (
    DossierSummary,
    is_red_flag,
    needs_justification,
    summarize,
)
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language, LocalizedText
from ddcheck.domain.vocabulary import Entry, Wording, catalog_entry, in_both

GateLevel = Literal["block", "warn"]
GateCode = Literal[
    "unanswered_required",
    "justification_missing",
    "red_flag_without_action",
    "action_without_owner",
    "action_without_due",
    "evidence_expired",
]


@dataclass(frozen=True)
class GateFinding:
    """One reason to stop or think twice before exporting."""

    level: GateLevel
    code: GateCode
    message: LocalizedText
    item_key: str | None = None
    action_id: str | None = None

    def text(self, lang: Language) -> str:
        """Return the message in `lang`."""
        return self.message.get(lang)


@dataclass(frozen=True)
class GateReport:
    """All findings of the export gate."""

    findings: tuple[GateFinding, ...]

    @property
    def blockers(self) -> tuple[GateFinding, ...]:
        """Return the findings that block an adviser export."""
        return tuple(f for f in self.findings if f.level == "block")

    @property
    def warnings(self) -> tuple[GateFinding, ...]:
        """Return the findings that only warn."""
        return tuple(f for f in self.findings if f.level == "warn")

    @property
    def ok(self) -> bool:
        """Return whether nothing blocks the export."""
        return not self.blockers


def summarised(findings: tuple[GateFinding, ...], lang: Language, per_kind: int = 3) -> list[str]:
    """Return the findings' texts, at most `per_kind` of each kind and then how many more."""
    by_code: dict[str, list[GateFinding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    lines = []
    for group in by_code.values():
        lines += [finding.text(lang) for finding in group[:per_kind]]
        if len(group) > per_kind:
            lines.append(_more(len(group) - per_kind).get(lang))
    return lines


def _more(count: int) -> LocalizedText:
    return _t(
        catalog_entry(
            "export check",
            "… and {count} more of this kind (the app's export check lists them all)",
        ),
        count=count,
    )


def _t(entry: Entry, /, **fields: object) -> LocalizedText:
    """Return a finding's message in both languages from the word catalog ("export check")."""
    return LocalizedText(**in_both(entry, **fields))


def export_gate(
    dossier: Dossier,
    templates: Mapping[str, Template],
    summary: DossierSummary | None = None,
) -> GateReport:
    """Return what blocks or warns before exporting `dossier`."""
    summary = summary or summarize(dossier, templates)
    actioned = {key for action in dossier.actions for key in action.item_keys}
    findings = [
        *(f for entry in summary.entries for f in _item_findings(entry, summary, actioned)),
        *(f for action in dossier.actions if action.is_open for f in _action_findings(action)),
        *expired_evidence(dossier),
    ]
    return GateReport(findings=tuple(findings))


def _item_findings(
    entry: ItemApplicability, summary: DossierSummary, actioned: set[str]
) -> list[GateFinding]:
    """Return what one question holds against exporting: unanswered, unjustified, unactioned."""
    answer = summary.answers.get(entry.key)

    def finding(level: GateLevel, code: GateCode, text: Entry) -> GateFinding:
        return GateFinding(level, code, _t(text, question=entry.item.question), item_key=entry.key)

    found = []
    if entry.item.required and (answer is None or not answer.is_answered):
        text = catalog_entry("export check", "Not answered yet: {question}")
        found.append(finding("warn", "unanswered_required", text))
    if needs_justification(entry, answer):
        text = catalog_entry("export check", "This answer needs a justification: {question}")
        found.append(finding("block", "justification_missing", text))
    if is_red_flag(entry, answer) and entry.key not in actioned:
        text = catalog_entry("export check", "Red flag without an action: {question}")
        found.append(finding("block", "red_flag_without_action", text))
    return found


def _action_findings(action: Action) -> list[GateFinding]:
    """Return what an open action lacks: an owner, a due date (both only warn)."""

    def finding(code: GateCode, text: Entry) -> GateFinding:
        return GateFinding("warn", code, _t(text, action=action.action), action_id=action.id)

    found = []
    if not action.owner.strip():
        text = catalog_entry("export check", "Action without an owner: {action}")
        found.append(finding("action_without_owner", text))
    if action.due is None:
        text = catalog_entry("export check", "Action without a due date: {action}")
        found.append(finding("action_without_due", text))
    return found


def mission_day(dossier: Dossier) -> dt.date | None:
    """Return the day evidence must still be valid on: the mission's end (else its start)."""
    return dossier.mission.end or dossier.mission.start


def expired_evidence(dossier: Dossier) -> list[GateFinding]:
    """Warn about evidence whose 'valid until' lies before the mission's last day."""
    day = mission_day(dossier)
    if day is None:
        return []
    ends = dossier.mission.end is not None  # else the day is the start
    when = Wording(
        catalog_entry("export check", "ends") if ends else catalog_entry("export check", "starts")
    )
    linked: dict[str, str] = {}
    for answer in dossier.answers:
        for evidence_id in answer.evidence_ids:
            linked.setdefault(evidence_id, answer.key)
    findings = []
    for evidence in dossier.evidence:
        if not evidence.expired_by(day):
            continue
        findings.append(
            GateFinding(
                "warn",
                "evidence_expired",
                _t(
                    catalog_entry(
                        "export check",
                        "Evidence expires before the mission {when} ({day}): {name}, valid until "
                        "{until}",
                    ),
                    when=when,
                    day=date_field(day),
                    name=evidence.name,
                    until=date_field(evidence.valid_until),
                ),
                item_key=linked.get(evidence.id),
            )
        )
    return findings

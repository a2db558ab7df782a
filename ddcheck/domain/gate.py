"""The export gate: what blocks or warns before a dossier is exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ddcheck.domain.dossier import Dossier
from ddcheck.domain.formatting import format_date
from ddcheck.domain.scoring import DossierSummary, is_red_flag, needs_justification, summarize
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


@dataclass(frozen=True)
class _Date:
    """A date that writes itself as each language does (a field of a finding's message)."""

    day: dt.date | None

    def text(self, lang: str) -> str:
        return format_date(self.day, "nl" if lang == "nl" else "en")


def export_gate(
    dossier: Dossier,
    templates: Mapping[str, Template],
    summary: DossierSummary | None = None,
) -> GateReport:
    """Return what blocks or warns before exporting `dossier`."""
    summary = summary or summarize(dossier, templates)
    actioned = {key for action in dossier.actions for key in action.item_keys}
    findings: list[GateFinding] = []
    for entry in summary.entries:
        answer = summary.answers.get(entry.key)
        question = entry.item.question
        if entry.item.required and (answer is None or not answer.is_answered):
            findings.append(
                GateFinding(
                    "warn",
                    "unanswered_required",
                    _t(
                        catalog_entry("export check", "Not answered yet: {question}"),
                        question=question,
                    ),
                    item_key=entry.key,
                )
            )
        if needs_justification(entry, answer):
            findings.append(
                GateFinding(
                    "block",
                    "justification_missing",
                    _t(
                        catalog_entry(
                            "export check", "This answer needs a justification: {question}"
                        ),
                        question=question,
                    ),
                    item_key=entry.key,
                )
            )
        if is_red_flag(entry, answer) and entry.key not in actioned:
            findings.append(
                GateFinding(
                    "block",
                    "red_flag_without_action",
                    _t(
                        catalog_entry("export check", "Red flag without an action: {question}"),
                        question=question,
                    ),
                    item_key=entry.key,
                )
            )
    for action in dossier.actions:
        if not action.is_open:
            continue
        if not action.owner.strip():
            findings.append(
                GateFinding(
                    "warn",
                    "action_without_owner",
                    _t(
                        catalog_entry("export check", "Action without an owner: {action}"),
                        action=action.action,
                    ),
                    action_id=action.id,
                )
            )
        if action.due is None:
            findings.append(
                GateFinding(
                    "warn",
                    "action_without_due",
                    _t(
                        catalog_entry("export check", "Action without a due date: {action}"),
                        action=action.action,
                    ),
                    action_id=action.id,
                )
            )
    findings += expired_evidence(dossier)
    return GateReport(findings=tuple(findings))


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
                    day=_Date(day),
                    name=evidence.name,
                    until=_Date(evidence.valid_until),
                ),
                item_key=linked.get(evidence.id),
            )
        )
    return findings

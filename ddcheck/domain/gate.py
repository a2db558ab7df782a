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
        f"… en nog {count} van deze soort (de exportcontrole in de app noemt ze allemaal)",
        f"… and {count} more of this kind (the app's export check lists them all)",
    )


def _t(nl: str, en: str) -> LocalizedText:
    return LocalizedText(nl=nl, en=en)


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
        question_en = entry.item.question.en
        question_nl = entry.item.question.nl
        if entry.item.required and (answer is None or not answer.is_answered):
            findings.append(
                GateFinding(
                    "warn",
                    "unanswered_required",
                    _t(f"Nog niet beantwoord: {question_nl}", f"Not answered yet: {question_en}"),
                    item_key=entry.key,
                )
            )
        if needs_justification(entry, answer):
            findings.append(
                GateFinding(
                    "block",
                    "justification_missing",
                    _t(
                        f"Toelichting ontbreekt bij dit antwoord: {question_nl}",
                        f"This answer needs a justification: {question_en}",
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
                        f"Rode vlag zonder actie: {question_nl}",
                        f"Red flag without an action: {question_en}",
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
                        f"Actie zonder eigenaar: {action.action}",
                        f"Action without an owner: {action.action}",
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
                        f"Actie zonder einddatum: {action.action}",
                        f"Action without a due date: {action.action}",
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
    when_nl, when_en = ("het einde", "ends") if ends else ("het begin", "starts")
    linked: dict[str, str] = {}
    for answer in dossier.answers:
        for evidence_id in answer.evidence_ids:
            linked.setdefault(evidence_id, answer.key)
    findings = []
    for evidence in dossier.evidence:
        if not evidence.expired_by(day):
            continue
        nl = format_date(day, "nl"), format_date(evidence.valid_until, "nl")
        en = format_date(day, "en"), format_date(evidence.valid_until, "en")
        findings.append(
            GateFinding(
                "warn",
                "evidence_expired",
                _t(
                    f"Bewijsstuk verlopen voor {when_nl} van de missie ({nl[0]}): "
                    f"{evidence.name}, geldig tot {nl[1]}",
                    f"Evidence expires before the mission {when_en} ({en[0]}): "
                    f"{evidence.name}, valid until {en[1]}",
                ),
                item_key=linked.get(evidence.id),
            )
        )
    return findings

"""The figures an adviser judges a dossier by, and the one-sentence status they add up to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ddcheck.domain.dossier import Dossier
from ddcheck.domain.scoring import DossierSummary, Flag, summarize
from ddcheck.domain.templates import Template

DRAFT_BELOW = 0.5  # a dossier with less than half of its shown questions answered is a draft
PRIORITIES = ("high", "medium", "low")
Status = Literal["draft", "not_ready", "attention", "ready"]


@dataclass(frozen=True)
class Readiness:
    """Where a dossier stands, as one audience sees it (withheld items left out)."""

    answered: int
    applicable: int  # applicable questions shown to this audience (withheld ones not counted)
    required_unanswered: int
    red_flags: int
    red_flags_without_action: int
    worst_red_flag: str | None  # item key of the most serious red flag
    open_actions: Mapping[str, int]  # priority -> open actions
    without_owner: int
    without_due: int
    withheld: int
    evidence: int
    checklists: tuple[tuple[str, int], ...]  # (template id, version)

    @property
    def percent(self) -> int:
        """Return the answered share of the shown questions, in whole percent."""
        return round(100 * self.answered / self.applicable) if self.applicable else 100

    @property
    def open_high(self) -> int:
        """Return the open high-priority actions."""
        return self.open_actions.get("high", 0)

    @property
    def is_draft(self) -> bool:
        """Return whether too little is answered for the report to be more than a draft."""
        return self.applicable > 0 and self.answered < DRAFT_BELOW * self.applicable

    @property
    def status(self) -> Status:
        """Return the dossier's state: draft, not ready for review, needs attention, or ready."""
        if self.is_draft:
            return "draft"
        if self.required_unanswered or self.red_flags_without_action:
            return "not_ready"
        if self.open_high or self.without_owner or self.without_due:
            return "attention"
        return "ready"

    def as_json(self) -> dict[str, Any]:
        """Return the figures as JSON data (what `ddcheck show --json` prints)."""
        return {
            "answered": self.answered,
            "applicable": self.applicable,
            "percent": self.percent,
            "required_unanswered": self.required_unanswered,
            "red_flags": self.red_flags,
            "red_flags_without_action": self.red_flags_without_action,
            "worst_red_flag": self.worst_red_flag,
            "open_actions": dict(self.open_actions),
            "open_high_actions": self.open_high,
            "actions_without_owner": self.without_owner,
            "actions_without_due": self.without_due,
            "withheld_items": self.withheld,
            "evidence_files": self.evidence,
            "checklists": [{"id": i, "version": v} for i, v in self.checklists],
            "draft": self.is_draft,
            "status": self.status,
        }


def _seriousness(flag: Flag) -> tuple[int, int]:
    risk = flag.answer.risk
    return ((risk.severity or 0) * (risk.likelihood or 0), risk.severity or 0)


def readiness(
    dossier: Dossier,
    templates: Mapping[str, Template],
    withheld: frozenset[str] = frozenset(),
    summary: DossierSummary | None = None,
) -> Readiness:
    """Return the readiness figures of `dossier`, leaving the `withheld` item keys out."""
    summary = summary or summarize(dossier, templates)
    shown = [e for e in summary.entries if e.key not in withheld]
    answered = [e for e in shown if (a := summary.answers.get(e.key)) and a.is_answered]
    answered_keys = {e.key for e in answered}
    required_open = sum(1 for e in shown if e.item.required and e.key not in answered_keys)
    flags = [f for f in summary.red_flags if f.key not in withheld]
    actioned = {key for action in dossier.actions for key in action.item_keys}
    worst = max(flags, key=_seriousness, default=None)  # max keeps the first of equals
    open_actions = [a for a in dossier.actions if a.is_open]
    return Readiness(
        answered=len(answered),
        applicable=len(shown),
        required_unanswered=required_open,
        red_flags=len(flags),
        red_flags_without_action=sum(1 for f in flags if f.key not in actioned),
        worst_red_flag=worst.key if worst else None,
        open_actions={p: sum(1 for a in open_actions if a.priority == p) for p in PRIORITIES},
        without_owner=sum(1 for a in open_actions if not a.owner.strip()),
        without_due=sum(1 for a in open_actions if a.due is None),
        withheld=len(withheld),
        evidence=len(dossier.evidence),
        checklists=tuple((use.id, use.version) for use in dossier.templates),
    )

"""Everything the story builders share: the redacted snapshot, derived indexes, styles, words."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from reportlab.platypus import Paragraph

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Action, Dossier, Evidence, ItemReview, Review
from ddcheck.domain.formatting import country_name, format_date, format_number, local_date
from ddcheck.domain.numbering import Numbering, dossier_numbering
from ddcheck.domain.proposals import (
    is_proposed_gap,
    proposal_in,
    proposed_standard_ref,
    readable_standards,
)
from ddcheck.domain.readiness import Readiness, readiness
from ddcheck.domain.redaction import Redaction
from ddcheck.domain.scoring import DossierSummary, summarize
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.text import Language
from ddcheck.report.citations import Citations, cited
from ddcheck.report.labels import label
from ddcheck.report.para import Para
from ddcheck.report.styles import Styles
from ddcheck.report.text_safety import TextSafety
from ddcheck.report.user_paragraphs import UserParagraphs

_PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}
_NO_DUE = dt.date.max


def plan_order(action: Action) -> tuple[int, dt.date]:
    """Return the sort key of an action in the plan: priority first, then due date."""
    return (_PRIORITY_RANK.get(action.priority, 3), action.due or _NO_DUE)


@dataclass
class ReportContext:
    """The input of one report and the lookups the builders need, computed once."""

    redaction: Redaction
    lang: Language
    fingerprint: str
    styles: Styles
    safety: TextSafety

    @property
    def snapshot(self) -> DossierSnapshot:
        """Return the (redacted) snapshot."""
        return self.redaction.snapshot

    @property
    def dossier(self) -> Dossier:
        """Return the (redacted) dossier."""
        return self.redaction.snapshot.dossier

    @cached_property
    def summary(self) -> DossierSummary:
        """Return completeness, scores and flags of what this audience may see."""
        return summarize(self.dossier, self.snapshot.templates)

    @cached_property
    def readiness(self) -> Readiness:
        """Return the figures page 1 shows (withheld items left out)."""
        withheld = self.redaction.withheld_items
        return readiness(self.dossier, self.snapshot.templates, withheld, self.summary)

    @cached_property
    def numbering(self) -> Numbering:
        """Return the display numbers of the used templates' checklists, sections and items."""
        return dossier_numbering(self.dossier, self.snapshot.templates)

    @cached_property
    def citations(self) -> Citations:
        """Return the cited sources, numbered as the item references and the sources part cite
        them."""
        used = (self.snapshot.templates.get(use.id) for use in self.dossier.templates)
        templates = [t for t in used if t is not None]
        return cited(self.summary.entries, self.snapshot.registry, templates)

    @property
    def numbers(self) -> dict[str, str]:
        """Return a stable display number ("1.6.2") for every item key of the used templates."""
        return self.numbering.items

    @cached_property
    def entries_by_key(self) -> dict[str, ItemApplicability]:
        """Return the applicable items by key."""
        return {entry.key: entry for entry in self.summary.entries}

    @cached_property
    def evidence_by_id(self) -> dict[str, Evidence]:
        """Return the evidence this audience may see, by id."""
        return {e.id: e for e in self.dossier.evidence}

    @cached_property
    def ordered_actions(self) -> list[Action]:
        """Return the actions in plan order: by priority, then due date (none last)."""
        return sorted(self.dossier.actions, key=plan_order)

    @cached_property
    def action_numbers(self) -> dict[str, str]:
        """Return "A1", "A2", ... for the actions in plan order."""
        return {a.id: f"A{n}" for n, a in enumerate(self.ordered_actions, start=1)}

    def action_text(self, action: Action) -> str:
        """Return what the action says: ddcheck's proposal in the report's language, unless the
        user changed its wording (then their words, as typed)."""
        if len(action.item_keys) == 1:
            entry = self.entries_by_key.get(action.item_keys[0])
            proposal = proposal_in(action, entry.item, self.lang) if entry is not None else None
            if proposal is not None:
                return proposal
        return action.action

    def standards_text(self, action: Action) -> str:
        """Return the standards an action serves as markup: the user's words, or for ddcheck's
        own reference the OECD step and IFC standard only (no internal source ids)."""
        if not action.standard_ref:
            return ""
        if len(action.item_keys) == 1:
            entry = self.entries_by_key.get(action.item_keys[0])
            if entry is not None and action.standard_ref == proposed_standard_ref(
                entry.template, entry.item
            ):
                return self.safety.line(readable_standards(entry.template, entry.item))
        return self.user(action.standard_ref)

    def gap_text(self, action: Action) -> str:
        """Return the gap the user described, or "" for ddcheck's stock sentence (a filler)."""
        return "" if is_proposed_gap(action.gap) else action.gap

    @cached_property
    def actions_by_item(self) -> dict[str, list[Action]]:
        """Return the actions linked to each item key."""
        linked: dict[str, list[Action]] = defaultdict(list)
        for action in self.dossier.actions:
            for key in action.item_keys:
                linked[key].append(action)
        return linked

    @cached_property
    def reviews_by_item(self) -> dict[str, list[tuple[Review, ItemReview]]]:
        """Return the adviser's per-item reviews by item key."""
        found: dict[str, list[tuple[Review, ItemReview]]] = defaultdict(list)
        for review in self.dossier.reviews:
            for item_review in review.items:
                found[item_review.key].append((review, item_review))
        return found

    @property
    def today(self) -> dt.date:
        """Return the date the report is generated on."""
        return local_date(self.snapshot.generated_at)

    def t(self, key: str, **fields: object) -> str:
        """Return a report label in the report's language (already safe as markup)."""
        return label(key, self.lang, **fields)

    def user(self, text: object) -> str:
        """Return user text as safe paragraph markup (right-to-left words shaped, reordered)."""
        return self.paragraphs.inline(text)

    @cached_property
    def user_para(self) -> Callable[..., Paragraph]:
        """Return UserParagraphs.make: user text as a paragraph in this report's styles."""
        return self.paragraphs.make

    @cached_property
    def paragraphs(self) -> UserParagraphs:
        """Return the maker of user-text paragraphs in this report's styles."""
        return UserParagraphs(self.styles, self.safety)

    def para(self, markup: str, style: str = "body", bullet: str | None = None) -> Paragraph:
        """Return a paragraph of already safe markup in a named style (with a hanging label)."""
        return Para(markup, getattr(self.styles, style), bulletText=bullet)

    def number(self, value: int) -> str:
        """Return a whole number as the report's reader writes it (12.500 / 12,500)."""
        return format_number(value, self.lang)

    def date(self, value: dt.date | dt.datetime | None) -> str:
        """Return a date as the report writes it (Dutch: 23-11-2026; English: 2026-11-23)."""
        return format_date(value, self.lang, empty="–")

    def country(self, code: str) -> str:
        """Return a country's name in the report's language, or the code."""
        return country_name(code, self.lang)

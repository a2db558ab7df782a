"""What an audience may see: the adviser version withholds confidential items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.dossier import Action, Answer, Dossier, Review
from ddcheck.domain.snapshot import DossierSnapshot

Audience = Literal["adviser", "internal"]
AUDIENCES: tuple[Audience, ...] = ("adviser", "internal")


@dataclass(frozen=True)
class Redaction:
    """A snapshot as one audience may see it, with what was withheld from it."""

    audience: Audience
    snapshot: DossierSnapshot
    confidential_items: frozenset[str]
    withheld_items: frozenset[str] = frozenset()
    withheld_evidence: int = 0
    withheld_actions: int = 0

    def is_withheld(self, key: str) -> bool:
        """Return whether the item with `key` is withheld from this audience."""
        return key in self.withheld_items

    def is_confidential(self, key: str) -> bool:
        """Return whether the company marked the item with `key` confidential."""
        return key in self.confidential_items


def redact(snapshot: DossierSnapshot, audience: Audience) -> Redaction:
    """Return the snapshot for `audience`: `internal` keeps everything, `adviser` withholds.

    An item that only applies because of a withheld answer is withheld too, so nothing shown
    lets a reader infer a confidential answer.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; choose adviser or internal")
    dossier = snapshot.dossier
    confidential = frozenset(a.key for a in dossier.answers if a.confidential)
    if audience == "internal" or not confidential:
        return Redaction(audience, snapshot, confidential)
    full = {entry.key for entry in applicable_items(dossier, snapshot.templates)}
    withheld = confidential
    while True:
        redacted = _strip_answers(dossier, withheld)
        shown = {entry.key for entry in applicable_items(redacted, snapshot.templates)}
        dependent = (full - shown) - withheld
        if not dependent:
            break
        withheld = withheld | dependent
    kept_evidence_ids = _disclosed_evidence_ids(dossier, withheld)
    evidence = [e for e in dossier.evidence if e.id in kept_evidence_ids]
    actions = _disclosed_actions(dossier.actions, withheld)
    redacted = redacted.model_copy(
        update={
            "evidence": evidence,
            "actions": actions,
            "reviews": [_redacted_review(r, withheld) for r in dossier.reviews],
        }
    )
    return Redaction(
        audience,
        snapshot.model_copy(update={"dossier": redacted}),
        confidential,
        withheld_items=withheld,
        withheld_evidence=len(dossier.evidence) - len(evidence),
        withheld_actions=len(dossier.actions) - len(actions),
    )


def _strip_answers(dossier: Dossier, withheld: frozenset[str]) -> Dossier:
    answers = [_withheld_answer(a) if a.key in withheld else a for a in dossier.answers]
    return dossier.model_copy(update={"answers": answers})


def _withheld_answer(answer: Answer) -> Answer:
    """Return an answer that only says it exists (and whether it was marked confidential)."""
    return Answer(
        template_id=answer.template_id, item_id=answer.item_id, confidential=answer.confidential
    )


def _disclosed_evidence_ids(dossier: Dossier, confidential: frozenset[str]) -> set[str]:
    """Return the evidence ids not linked only to confidential items."""
    linked_open: set[str] = set()
    linked_secret: set[str] = set()
    for answer in dossier.answers:
        target = linked_secret if answer.key in confidential else linked_open
        target.update(answer.evidence_ids)
    return {e.id for e in dossier.evidence if e.id in linked_open or e.id not in linked_secret}


def _only_confidential(keys: Iterable[str], confidential: frozenset[str]) -> bool:
    listed = list(keys)
    return bool(listed) and all(key in confidential for key in listed)


def _disclosed_actions(actions: Iterable[Action], confidential: frozenset[str]) -> list[Action]:
    return [a for a in actions if not _only_confidential(a.item_keys, confidential)]


def _redacted_review(review: Review, confidential: frozenset[str]) -> Review:
    return review.model_copy(
        update={
            "items": [i for i in review.items if i.key not in confidential],
            "agreed_actions": _disclosed_actions(review.agreed_actions, confidential),
        }
    )

"""What an audience may see: the adviser version withholds confidential items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ddcheck.domain.confidentiality import (
    confidential_keys,
    disclosed_actions,
    withheld_evidence_ids,
    withheld_keys,
)
from ddcheck.domain.dossier import Answer, Review
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

    def is_withheld(self, key: str) -> bool:
        """Return whether the item with `key` is withheld from this audience."""
        return key in self.withheld_items

    def is_confidential(self, key: str) -> bool:
        """Return whether the company marked the item with `key` confidential."""
        return key in self.confidential_items


def redact(snapshot: DossierSnapshot, audience: Audience) -> Redaction:
    """Return the snapshot for `audience`: `internal` keeps everything, `adviser` withholds.

    What goes is decided in one place (`ddcheck.domain.confidentiality`) and does not depend on
    any hidden value: the confidential items, the whole branch of items whose applicability looks
    at one of them, every evidence file linked to any of those items (also when it is linked to
    open items as well) and every action that touches one of them. A confidential item keeps a
    bare stub saying it was marked; an item withheld because it depends on one leaves no trace
    but its key in the withheld list, so whether the company answered it tells nothing either.
    Every PDF, embedded JSON and bundle for the adviser is built from this one result.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; choose adviser or internal")
    dossier = snapshot.dossier
    confidential = confidential_keys(dossier)
    if audience == "internal" or not confidential:
        return Redaction(audience, snapshot, confidential)
    withheld = withheld_keys(dossier, snapshot.templates)
    gone_evidence = withheld_evidence_ids(dossier, withheld)
    answers = [
        _kept_answer(a, gone_evidence) if a.key not in withheld else _withheld_answer(a)
        for a in dossier.answers
        if a.key not in withheld or a.key in confidential
    ]
    answers.sort(key=lambda a: a.key)  # not in the order they were written: that tells too
    redacted = dossier.model_copy(
        update={
            "answers": answers,
            "evidence": [e for e in dossier.evidence if e.id not in gone_evidence],
            "actions": disclosed_actions(dossier.actions, withheld),
            "reviews": [_redacted_review(r, withheld) for r in dossier.reviews],
        }
    )
    return Redaction(
        audience,
        snapshot.model_copy(update={"dossier": redacted}),
        confidential,
        withheld_items=withheld,
    )


def _kept_answer(answer: Answer, gone_evidence: frozenset[str]) -> Answer:
    """Return an open answer without its links to withheld evidence."""
    if not gone_evidence.intersection(answer.evidence_ids):
        return answer
    kept = [i for i in answer.evidence_ids if i not in gone_evidence]
    return answer.model_copy(update={"evidence_ids": kept})


def _withheld_answer(answer: Answer) -> Answer:
    """Return an answer that only says it exists and was marked confidential."""
    return Answer(template_id=answer.template_id, item_id=answer.item_id, confidential=True)


def _redacted_review(review: Review, withheld: frozenset[str]) -> Review:
    return review.model_copy(
        update={
            "items": [i for i in review.items if i.key not in withheld],
            "agreed_actions": disclosed_actions(review.agreed_actions, withheld),
        }
    )

"""The text and JSON views of one dossier that `ddcheck show` prints."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ddcheck.cli.terminal import line
from ddcheck.cli.workspace import shorten
from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Answer, Dossier, ItemReview, Review
from ddcheck.domain.scoring import chosen_options, is_gap, is_red_flag

if TYPE_CHECKING:
    from ddcheck.services import Workspace

SHOW_FORMAT = 1


def value_label(entry: ItemApplicability, answer: Answer | None, lang: str) -> str:
    """Return an answer's value in words: option labels, or the text, number or date."""
    if answer is None or not answer.is_answered:
        return ""
    options = chosen_options(entry, answer)
    if options:
        return ", ".join(o.label.get(lang) for o in options)  # type: ignore[arg-type]
    value = answer.value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def latest_review(dossier: Dossier) -> Review | None:
    """Return the adviser's newest review of the dossier, or None."""
    if not dossier.reviews:
        return None
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return max(enumerate(dossier.reviews), key=lambda p: (p[1].reviewed_at or oldest, p[0]))[1]


def _item_json(
    entry: ItemApplicability, answer: Answer | None, lang: str, review: ItemReview | None = None
) -> dict[str, Any]:
    return {
        "key": entry.key,
        "template": entry.template.id,
        "section": entry.section.id,
        "item": entry.item.id,
        "question": entry.item.question.get(lang),  # type: ignore[arg-type]
        "scale": entry.item.scale,
        "required": entry.item.required,
        "answered": bool(answer and answer.is_answered),
        "value": answer.value if answer else None,
        "value_label": value_label(entry, answer, lang),
        "note": answer.note if answer else "",
        "confidential": bool(answer and answer.confidential),
        "review": bool(answer and answer.review),
        "risk": answer.risk.model_dump() if answer and not answer.risk.is_empty else None,
        "needs_reconfirmation": bool(answer and answer.needs_reconfirmation),
        "evidence_ids": list(answer.evidence_ids) if answer else [],
        "red_flag": is_red_flag(entry, answer),
        "gap": is_gap(entry, answer),
        "adviser": {"assessment": review.assessment, "comment": review.comment} if review else None,
    }


def _reviewed_items(dossier: Dossier) -> dict[str, ItemReview]:
    review = latest_review(dossier)
    return {item.key: item for item in review.items} if review else {}


def show_json(ws: Workspace, dossier_id: str, lang: str | None = None) -> dict[str, Any]:
    """Return the dossier as JSON data: profile, progress, every applicable item, the rest."""
    dossier = ws.get_dossier(dossier_id)
    lang = lang or dossier.language
    summary = ws.summary(dossier_id)
    shown = {entry.key for entry in summary.entries}
    reviewed = _reviewed_items(dossier)
    return {
        "format": SHOW_FORMAT,
        "id": dossier.id,
        "title": dossier.title,
        "language": dossier.language,
        "company": dossier.company.model_dump(mode="json"),
        "mission": dossier.mission.model_dump(mode="json"),
        "mission_id": dossier.mission.mission_id,
        "created_at": dossier.created_at.isoformat(),
        "updated_at": dossier.updated_at.isoformat(),
        "templates": [u.model_dump() for u in dossier.templates],
        "progress": {"answered": summary.overall.answered, "total": summary.overall.total},
        "readiness": {
            audience: ws.readiness(dossier_id, audience).as_json()
            for audience in ("adviser", "internal")
        },
        "red_flags": [flag.key for flag in summary.red_flags],
        "gaps": [flag.key for flag in summary.flags if not flag.red_flag],
        "items": [
            _item_json(e, summary.answers.get(e.key), lang, reviewed.get(e.key))
            for e in summary.entries
        ],
        "other_answers": [a.model_dump(mode="json") for a in dossier.answers if a.key not in shown],
        "evidence": [e.model_dump(mode="json") for e in dossier.evidence],
        "actions": [a.model_dump(mode="json") for a in dossier.actions],
        "reviews": [r.model_dump(mode="json") for r in dossier.reviews],
    }


def _marker(entry: ItemApplicability, answer: Answer | None) -> str:
    if answer is None or not answer.is_answered:
        return "[ ]"
    if is_red_flag(entry, answer):
        return "[!]"
    if is_gap(entry, answer):
        return "[~]"
    return "[x]"


def print_dossier(ws: Workspace, dossier_id: str, lang: str | None = None) -> None:
    """Print a dossier for reading in a terminal."""
    dossier = ws.get_dossier(dossier_id)
    lang = lang or dossier.language
    summary = ws.summary(dossier_id)
    mission = dossier.mission
    print(line(dossier.title))
    kvk = line(dossier.company.kvk_number or "-")
    print(f"  id {dossier.id}  ·  KvK {kvk}  ·  language {dossier.language}")
    when = f"{mission.start} – {mission.end}" if mission.start else "dates not set"
    activities = ", ".join(mission.activities) or "-"
    ekv = "yes" if mission.export_credit_insurance else "no"
    print(
        f"  mission: {', '.join(mission.destinations) or '-'}, {when}; activities: {activities}; "
        f"export credit insurance: {ekv}"
    )
    overall = summary.overall
    print(
        f"  {overall.answered}/{overall.total} answered ({overall.percent}%)  ·  "
        f"{len(summary.red_flags)} red flags  ·  {len(dossier.actions)} actions  ·  "
        f"{len(dossier.evidence)} evidence files"
    )
    review = latest_review(dossier)
    if review is not None:
        who = ", ".join(p for p in (review.reviewer, review.organisation) if p) or "the adviser"
        when = f" on {review.reviewed_at:%Y-%m-%d}" if review.reviewed_at else ""
        verdict = (review.verdict or "no verdict yet").replace("_", " ")
        print(f"  reviewed by {line(who)}{when}: {line(verdict)}")
        if review.verdict_note:
            print(f"    {shorten(review.verdict_note, 100)}")
    reviewed = _reviewed_items(dossier)
    print(
        "  legend: [x] answered  [~] gap  [!] red flag  [ ] open  (C) confidential  (?) re-confirm"
    )
    current: tuple[str, str] | None = None
    for entry in summary.entries:
        if current is None or current[0] != entry.template.id:
            template = entry.template
            title = template.title.get(lang)  # type: ignore[arg-type]
            print(f"\n== {line(title)} ({template.id} v{template.version}) ==")
        if current != (entry.template.id, entry.section.id):
            print(f"-- {line(entry.section.title.get(lang))}")  # type: ignore[arg-type]
            current = (entry.template.id, entry.section.id)
        answer = summary.answers.get(entry.key)
        marks = ""
        if answer and answer.confidential:
            marks += " (C)"
        if answer and answer.needs_reconfirmation:
            marks += " (?)"
        label = value_label(entry, answer, lang)
        question = shorten(entry.item.question.get(lang), 90)  # type: ignore[arg-type]
        print(f"  {_marker(entry, answer)} {entry.item.id}{marks}: {question}")
        if label:
            print(f"        → {shorten(label, 100)}")
        if answer and answer.note:
            print(f"        note: {shorten(answer.note, 100)}")
        adviser = reviewed.get(entry.key)
        if adviser is not None:
            comment = f": {shorten(adviser.comment, 90)}" if adviser.comment else ""
            print(f"        adviser: {adviser.assessment}{comment}")
    shown = {entry.key for entry in summary.entries}
    others = [a for a in dossier.answers if a.key not in shown and (a.is_answered or a.note)]
    if others:
        print("\n== Answers to items that no longer apply or were removed (kept) ==")
        for answer in others:
            print(f"  {answer.key}: {shorten(str(answer.value), 60)}")

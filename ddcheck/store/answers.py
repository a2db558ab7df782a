"""Answer rows: the hot path of autosave, with raw SQL and no introspection."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from ddcheck.domain.dossier import Answer, Risk, split_item_key

_SELECT = (
    "SELECT template_id, item_id, value, note, confidential, review, risk,"
    " needs_reconfirmation, item_fingerprint, updated_at, updated_by FROM answers"
)
_UPSERT = (
    "INSERT INTO answers (dossier_id, template_id, item_id, value, note, confidential, review,"
    " risk, needs_reconfirmation, item_fingerprint, updated_at, updated_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (dossier_id, template_id, item_id) DO UPDATE SET value = excluded.value,"
    " note = excluded.note, confidential = excluded.confidential, review = excluded.review,"
    " risk = excluded.risk, needs_reconfirmation = excluded.needs_reconfirmation,"
    " item_fingerprint = excluded.item_fingerprint, updated_at = excluded.updated_at,"
    " updated_by = excluded.updated_by"
)


def _answer(row: tuple, evidence_ids: list[str] | None = None) -> Answer:
    template_id, item_id, value, note, confidential, review, risk, reconfirm, fp, at, by = row
    return Answer.model_construct(
        template_id=template_id,
        item_id=item_id,
        value=json.loads(value) if value is not None else None,
        note=note,
        confidential=bool(confidential),
        review=bool(review),
        risk=Risk.model_construct(**json.loads(risk)) if risk != "{}" else Risk(),
        evidence_ids=evidence_ids or [],
        needs_reconfirmation=bool(reconfirm),
        item_fingerprint=fp,
        updated_at=dt.datetime.fromisoformat(at) if at else None,
        updated_by=by,
    )


def read_answer(
    conn: sqlite3.Connection, dossier_id: str, template_id: str, item_id: str
) -> Answer | None:
    """Return one stored answer (without its evidence links), or None."""
    row = conn.execute(
        f"{_SELECT} WHERE dossier_id = ? AND template_id = ? AND item_id = ?",
        (dossier_id, template_id, item_id),
    ).fetchone()
    return _answer(row) if row else None


def _risk_json(risk: Risk) -> str:
    if risk.is_empty:
        return "{}"
    return json.dumps(
        {"severity": risk.severity, "likelihood": risk.likelihood, "involvement": risk.involvement}
    )


def write_answer(conn: sqlite3.Connection, dossier_id: str, answer: Answer) -> None:
    """Insert or replace one answer (its evidence links are stored separately)."""
    conn.execute(
        _UPSERT,
        (
            dossier_id,
            answer.template_id,
            answer.item_id,
            None if answer.value is None else json.dumps(answer.value, ensure_ascii=False),
            answer.note,
            int(answer.confidential),
            int(answer.review),
            _risk_json(answer.risk),
            int(answer.needs_reconfirmation),
            answer.item_fingerprint,
            answer.updated_at.isoformat() if answer.updated_at else None,
            answer.updated_by,
        ),
    )


def delete_answer(
    conn: sqlite3.Connection, dossier_id: str, template_id: str, item_id: str
) -> None:
    """Delete one answer row."""
    conn.execute(
        "DELETE FROM answers WHERE dossier_id = ? AND template_id = ? AND item_id = ?",
        (dossier_id, template_id, item_id),
    )


def load_answers(conn: sqlite3.Connection, dossier_id: str) -> list[Answer]:
    """Return every answer of a dossier with its evidence ids, in storage order."""
    links: dict[str, list[str]] = defaultdict(list)
    for evidence_id, key in conn.execute(
        "SELECT evidence_id, item_key FROM evidence_links WHERE dossier_id = ? ORDER BY rowid",
        (dossier_id,),
    ):
        links[key].append(evidence_id)
    result = [
        _answer(row, links.pop(f"{row[0]}/{row[1]}", None))
        for row in conn.execute(f"{_SELECT} WHERE dossier_id = ? ORDER BY rowid", (dossier_id,))
    ]
    for key, ids in links.items():
        template_id, item_id = split_item_key(key)
        result.append(Answer(template_id=template_id, item_id=item_id, evidence_ids=ids))
    return result


def read_answers(
    conn: sqlite3.Connection, dossier_id: str, keys: Iterable[str]
) -> dict[str, Answer | None]:
    """Return the stored answers to some items, with their evidence ids (None: no answer)."""
    result: dict[str, Answer | None] = {}
    for key in keys:
        template_id, item_id = split_item_key(key)
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT evidence_id FROM evidence_links WHERE dossier_id = ? AND item_key = ?"
                " ORDER BY rowid",
                (dossier_id, key),
            )
        ]
        row = conn.execute(
            f"{_SELECT} WHERE dossier_id = ? AND template_id = ? AND item_id = ?",
            (dossier_id, template_id, item_id),
        ).fetchone()
        if row is not None:
            result[key] = _answer(row, ids)
        else:
            result[key] = (
                Answer(template_id=template_id, item_id=item_id, evidence_ids=ids) if ids else None
            )
    return result


def mark_reconfirmation(
    conn: sqlite3.Connection, dossier_id: str, keys: Iterable[tuple[str, str]]
) -> None:
    """Flag answers (template id, item id) as needing re-confirmation."""
    conn.executemany(
        "UPDATE answers SET needs_reconfirmation = 1"
        " WHERE dossier_id = ? AND template_id = ? AND item_id = ?",
        [(dossier_id, t, i) for t, i in keys],
    )


def count_answered(conn: sqlite3.Connection, dossier_id: str) -> int:
    """Return how many answers of a dossier have a value."""
    row = conn.execute(
        "SELECT count(*) FROM answers WHERE dossier_id = ? AND value IS NOT NULL", (dossier_id,)
    ).fetchone()
    return int(row[0])

"""An in-memory stand-in for the services Workspace, for widget tests that need no database."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddcheck.domain.applicability import choose_templates
from ddcheck.domain.dossier import Action, Answer, Company, Dossier, Evidence, Mission, TemplateUse
from ddcheck.domain.scoring import summarize
from ddcheck.services import HistoryEntry
from ddcheck.services.changes import Change, Changes

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


@dataclass
class Info:
    """What the dossier list shows."""

    id: str
    title: str
    progress: float
    red_flags: int
    updated_at: dt.datetime
    mission: Any = None
    trashed_at: dt.datetime | None = None


class FakeWorkspace:
    """Dossiers in a dict; enough behaviour for the pages."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog
        self.dossiers: dict[str, Dossier] = {}
        self.trashed: set[str] = set()
        self.blobs: dict[str, bytes] = {}
        self.log: dict[str, list[HistoryEntry]] = {}
        self.fail_next: Exception | None = None
        self.user = "tester"
        self._user_name = ""

    def signing_key(self, name: str = "") -> None:
        """A fake workspace has no key: its exports are unsigned."""
        return None

    def _check(self) -> None:
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error

    @property
    def templates(self) -> dict[str, Any]:
        return dict(self.catalog.templates)

    def list_dossiers(self, include_trashed: bool = False) -> list[Info]:
        rows = []
        for d in self.dossiers.values():
            if d.id in self.trashed and not include_trashed:
                continue
            summary = summarize(d, {t.id: self.catalog.get(t.id) for t in d.templates})
            trashed_at = NOW if d.id in self.trashed else None
            rows.append(
                Info(
                    d.id,
                    d.title,
                    summary.overall.ratio,
                    len(summary.red_flags),
                    d.updated_at,
                    d.mission,
                    trashed_at,
                )
            )
        return rows

    def create_dossier(
        self, company: Company, mission: Mission, language: str, require: Any = ()
    ) -> Dossier:
        self._check()
        uses = [
            TemplateUse(id=c.template.id, version=c.template.version)
            for c in choose_templates(self.catalog.templates.values(), company, mission, "en")
            if c.applies
        ]
        dossier = Dossier(
            id=uuid.uuid4().hex[:8],
            company=company,
            mission=mission,
            language=language,  # type: ignore[arg-type]
            created_at=NOW,
            updated_at=NOW,
            templates=uses,
        )
        self.dossiers[dossier.id] = dossier
        return dossier

    def get_dossier(self, dossier_id: str) -> Dossier:
        return self.dossiers[dossier_id].model_copy(deep=True)

    def rename_dossier(self, dossier_id: str, name: str) -> None:
        d = self.dossiers[dossier_id]
        d.mission.name = name

    def duplicate_dossier(self, dossier_id: str, mission_name: str) -> Dossier:
        copy = self.dossiers[dossier_id].model_copy(deep=True, update={"id": uuid.uuid4().hex[:8]})
        copy.mission.name = mission_name
        self.dossiers[copy.id] = copy
        return copy

    def delete_dossier(self, dossier_id: str) -> None:
        self.trashed.add(dossier_id)

    def restore_dossier(self, dossier_id: str) -> None:
        self.trashed.discard(dossier_id)

    def _touch(self, dossier_id: str, what: str, key: str | None, old: Any, new: Any) -> None:
        self.dossiers[dossier_id].updated_at = dt.datetime.now(dt.UTC)
        log = self.log.setdefault(dossier_id, [])
        entity, entity_id = ("answer", key) if key else ("dossier", dossier_id)
        now = dt.datetime.now(dt.UTC)
        log.append(
            HistoryEntry(
                len(log) + 1, dossier_id, now, self.user, entity, entity_id, what, old, new
            )
        )

    def answer(self, dossier_id: str, template_id: str, item_id: str, **fields: Any) -> Changes:
        self._check()
        d = self.dossiers[dossier_id]
        answer = d.answer(template_id, item_id)
        if answer is None:
            answer = Answer(template_id=template_id, item_id=item_id)
            d.answers.append(answer)
        changes = []
        for name, value in fields.items():
            old = getattr(answer, name)
            setattr(answer, name, value)
            self._touch(dossier_id, name, answer.key, old, value)
            if old != value:
                changes.append(Change("answer", answer.key, name, old, value))
        return Changes(dossier_id, tuple(changes), d.updated_at)

    def answers_of(self, dossier_id: str, keys: Iterable[str]) -> dict[str, Answer | None]:
        d = self.dossiers[dossier_id]
        found = {a.key: a for a in d.answers}
        return {k: found[k].model_copy(deep=True) if k in found else None for k in keys}

    def actions_of(self, dossier_id: str) -> list[Action]:
        return [a.model_copy(deep=True) for a in self.dossiers[dossier_id].actions]

    def _action_changes(self, dossier_id: str, action_id: str, what: str) -> Changes:
        d = self.dossiers[dossier_id]
        return Changes(dossier_id, (Change("action", action_id, what),), d.updated_at)

    def attach_evidence(self, dossier_id: str, path: Path, item_key: str | None = None) -> Evidence:
        data = Path(path).read_bytes()
        ev = Evidence(
            id=uuid.uuid4().hex[:8],
            name=Path(path).name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_at=NOW,
        )
        self.blobs[ev.id] = data
        d = self.dossiers[dossier_id]
        d.evidence.append(ev)
        if item_key:
            tid, _, iid = item_key.partition("/")
            answer = d.answer(tid, iid)
            if answer is None:
                answer = Answer(template_id=tid, item_id=iid)
                d.answers.append(answer)
            answer.evidence_ids.append(ev.id)
        self._touch(dossier_id, "evidence", item_key, None, ev.name)
        return ev

    def detach_evidence(
        self, dossier_id: str, evidence_id: str, item_key: str | None = None
    ) -> None:
        d = self.dossiers[dossier_id]
        for answer in d.answers:
            if evidence_id in answer.evidence_ids:
                answer.evidence_ids.remove(evidence_id)
        self._touch(dossier_id, "evidence", item_key, evidence_id, None)

    def export_evidence(self, dossier_id: str, evidence_id: str, folder: Path) -> Path:
        ev = next(e for e in self.dossiers[dossier_id].evidence if e.id == evidence_id)
        target = Path(folder) / ev.name
        target.write_bytes(self.blobs[evidence_id])
        return target

    def add_action(self, dossier_id: str, action: Action) -> Changes:
        self._check()
        self.dossiers[dossier_id].actions.append(action.model_copy(deep=True))
        self._touch(dossier_id, "action", None, None, action.action)
        return self._action_changes(dossier_id, action.id, "added")

    def update_action(self, dossier_id: str, action_id: str, **fields: Any) -> Changes:
        actions = self.dossiers[dossier_id].actions
        i = next(i for i, a in enumerate(actions) if a.id == action_id)
        actions[i] = actions[i].model_copy(update=fields)
        self._touch(dossier_id, "action", None, None, fields)
        return self._action_changes(dossier_id, action_id, "changed")

    def delete_action(self, dossier_id: str, action_id: str) -> Changes:
        actions = self.dossiers[dossier_id].actions
        actions[:] = [a for a in actions if a.id != action_id]
        self._touch(dossier_id, "action", None, action_id, None)
        return self._action_changes(dossier_id, action_id, "removed")

    def snapshot(self, dossier_id: str) -> Any:
        from ddcheck import __version__
        from ddcheck.domain.snapshot import DossierSnapshot

        dossier = self.dossiers[dossier_id]
        return DossierSnapshot(
            dossier=dossier,
            templates={t.id: self.catalog.get(t.id) for t in dossier.templates},
            registry=self.catalog.registry,
            generated_at=dt.datetime.now(dt.UTC),
            app_version=__version__,
        )

    def history(self, dossier_id: str) -> list[HistoryEntry]:
        return list(self.log.get(dossier_id, []))

    def user_name(self) -> str:
        return self._user_name

    def set_user_name(self, name: str) -> str:
        self._user_name = " ".join(name.split())
        self.user = self._user_name or "tester"
        return self.user

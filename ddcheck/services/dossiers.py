"""Dossier use cases: create, list, open, change the profile, duplicate, trash, summarise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ddcheck import __version__
from ddcheck.domain.applicability import choose_templates
from ddcheck.domain.dossier import Action, Company, Dossier, Mission, TemplateUse
from ddcheck.domain.gate import GateReport, export_gate
from ddcheck.domain.ids import new_id
from ddcheck.domain.readiness import Readiness, readiness
from ddcheck.domain.scoring import DossierSummary, Progress, summarize
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.text import LANGUAGES, Language
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.changes import Change, Changes, HistoryEntry
from ddcheck.services.errors import AmbiguousId, InvalidInput, NotFound
from ddcheck.services.templates import TemplateOps
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import evidence as evidence_rows
from ddcheck.store import history as history_rows


@dataclass(frozen=True)
class DossierInfo:
    """One line of the dossier list: who, which mission, how far, how many red flags."""

    id: str
    company: Company
    mission: Mission
    language: str
    created_at: dt.datetime
    updated_at: dt.datetime
    trashed_at: dt.datetime | None
    progress: Progress
    red_flags: int
    needs_reconfirmation: int

    @property
    def title(self) -> str:
        """Return the display title: company and mission."""
        return f"{self.company.name} — {self.mission.name}"

    @property
    def destinations(self) -> tuple[str, ...]:
        """Return the mission's destination country codes."""
        return tuple(self.mission.destinations)


def _field_changes(entity: str, entity_id: str, prefix: str, old: Any, new: Any) -> list[Change]:
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    return [
        Change(entity, entity_id, f"{prefix}.{name}", before.get(name), after[name])
        for name in after
        if before.get(name) != after[name]
    ]


class DossierOps(TemplateOps, WorkspaceBase):
    """Create, list, open, change and summarise dossiers."""

    def _applicable_uses(
        self, company: Company, mission: Mission, language: Language
    ) -> list[TemplateUse]:
        choices = choose_templates(self._templates.values(), company, mission, language)
        chosen = [c.template for c in choices if c.applies]
        chosen.sort(key=lambda t: t.kind != "checklist")
        return [TemplateUse(id=t.id, version=t.version) for t in chosen]

    def create_dossier(
        self,
        company: Company,
        mission: Mission,
        language: str = "nl",
        require: Sequence[str] = (),
    ) -> Dossier:
        """Create a dossier with the templates that apply to its profile, and return it.

        `require` names templates used even when the profile would not choose them (a mission's).
        """
        lang = self._language(language)
        now = self._now()
        uses = self._applicable_uses(company, mission, lang)
        chosen = {use.id for use in uses}
        for template_id in require:
            if template_id not in chosen:
                template = self._template(template_id)
                uses.append(TemplateUse(id=template.id, version=template.version))
                chosen.add(template_id)
        dossier = Dossier(
            id=new_id(),
            company=company,
            mission=mission,
            language=lang,
            created_at=now,
            updated_at=now,
            templates=uses,
        )
        with self._transaction():
            dossier_rows.insert_dossier(self._store.conn, dossier)
            self._commit_changes(
                dossier.id, [Change("dossier", dossier.id, "created", None, dossier.title)], now
            )
        return dossier

    @staticmethod
    def _language(language: str) -> Language:
        if language not in LANGUAGES:
            raise InvalidInput(
                catalog_entry("error", "Language '{language}' is not available; choose nl or en."),
                language=language,
            )
        return language  # type: ignore[return-value]

    def resolve_dossier(self, reference: str) -> str:
        """Return the dossier id `reference` names: a whole id or a unique start of one."""
        reference = reference.strip()
        if not reference:
            raise InvalidInput(
                catalog_entry("error", "Name a dossier by its id (or the first characters of it).")
            )
        if dossier_rows.exists(self._store.conn, reference):
            return reference
        found = dossier_rows.ids_starting_with(self._store.conn, reference)
        if not found:
            raise NotFound(
                catalog_entry(
                    "error", "No dossier id starts with '{reference}'; 'ddcheck list' shows them."
                ),
                reference=reference,
            )
        if len(found) > 1:
            raise AmbiguousId(
                catalog_entry(
                    "error", "'{reference}' matches {count} dossiers ({ids}); type more of the id."
                ),
                reference=reference,
                count=len(found),
                ids=", ".join(found[:5]),
            )
        return found[0]

    def get_dossier(self, dossier_id: str) -> Dossier:
        """Return the whole dossier, or raise NotFound."""
        return dossier_rows.load_dossier(self._store.conn, dossier_id)

    def _stats(self, dossier: Dossier) -> dict[str, int]:
        summary = summarize(dossier, self._templates)
        overall = summary.overall
        return {
            "answered": overall.answered,
            "total": overall.total,
            "red_flags": len(summary.red_flags),
            "reconfirm": sum(1 for a in dossier.answers if a.needs_reconfirmation),
        }

    def list_dossiers(self, include_trashed: bool = False) -> list[DossierInfo]:
        """Return the dossiers, most recently changed first, with progress and red flags."""
        result = []
        computed = []
        for row in dossier_rows.list_rows(self._store.conn, include_trashed=include_trashed):
            stats = row.stats
            if stats is None:
                stats = self._stats(self.get_dossier(row.id))
                computed.append((row.id, row.updated_at, stats))
            result.append(
                DossierInfo(
                    id=row.id,
                    company=row.company,
                    mission=row.mission,
                    language=row.language,
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                    trashed_at=row.trashed_at,
                    progress=Progress(answered=stats["answered"], total=stats["total"]),
                    red_flags=stats["red_flags"],
                    needs_reconfirmation=stats.get("reconfirm", 0),
                )
            )
        if computed:
            with self._transaction():
                for dossier_id, updated_at, stats in computed:
                    dossier_rows.set_stats(self._store.conn, dossier_id, stats, updated_at)
        return result

    def update_profile(
        self,
        dossier_id: str,
        company: Company | None = None,
        mission: Mission | None = None,
        language: str | None = None,
    ) -> Changes:
        """Change company, mission or language; templates are chosen again for the new profile."""
        now = self._now()
        with self._transaction():
            self._check_writable(dossier_id)
            row = dossier_rows.header(self._store.conn, dossier_id)
            new_company = company or row.company
            new_mission = mission or row.mission
            lang = self._language(language or row.language)
            changes = _field_changes("dossier", dossier_id, "company", row.company, new_company)
            changes += _field_changes("dossier", dossier_id, "mission", row.mission, new_mission)
            if lang != row.language:
                changes.append(Change("dossier", dossier_id, "language", row.language, lang))
                dossier_rows.set_language(self._store.conn, dossier_id, lang)
            dossier_rows.update_profile(self._store.conn, dossier_id, new_company, new_mission)
            changes += self._rechoose_templates(dossier_id, new_company, new_mission, lang)
            return self._commit_changes(dossier_id, changes, now)

    def _rechoose_templates(
        self, dossier_id: str, company: Company, mission: Mission, lang: Language
    ) -> list[Change]:
        old = {u.id: u.version for u in dossier_rows.templates_of(self._store.conn, dossier_id)}
        new = [
            TemplateUse(id=u.id, version=old.get(u.id, u.version))  # upgrades go through
            for u in self._applicable_uses(company, mission, lang)  # upgrade_templates
        ]
        new_ids = {u.id for u in new}
        if [u.id for u in new] == list(old):
            return []
        dossier_rows.set_templates(self._store.conn, dossier_id, new)
        added = [Change("template", u.id, "added", None, u.version) for u in new if u.id not in old]
        removed = [
            Change("template", t, "removed", v, None) for t, v in old.items() if t not in new_ids
        ]
        return added + removed

    def rename_dossier(self, dossier_id: str, mission_name: str) -> Changes:
        """Rename the dossier's mission."""
        row = dossier_rows.header(self._store.conn, dossier_id)
        try:
            mission = row.mission.model_copy(update={"name": mission_name.strip()})
            mission = Mission.model_validate(mission.model_dump())
        except ValueError as error:
            raise InvalidInput(
                catalog_entry("error", "A mission name must be 1 to 300 characters.")
            ) from error
        return self.update_profile(dossier_id, mission=mission)

    def duplicate_dossier(self, dossier_id: str, mission_name: str | None = None) -> Dossier:
        """Copy a dossier as the baseline for a next mission; every answer needs re-confirmation."""
        source = self.get_dossier(dossier_id)
        now = self._now()
        if mission_name is None:
            suffix = "vervolg" if source.language == "nl" else "next mission"
            mission_name = f"{source.mission.name} ({suffix})"[:300]
        try:
            mission = Mission.model_validate(
                {
                    **source.mission.model_dump(),
                    "name": mission_name.strip(),
                    "start": None,
                    "end": None,
                }
            )
        except ValueError as error:
            raise InvalidInput(
                catalog_entry("error", "A mission name must be 1 to 300 characters.")
            ) from error
        evidence_ids = {e.id: new_id() for e in source.evidence}
        copy = Dossier(
            id=new_id(),
            company=source.company,
            mission=mission,
            language=source.language,
            created_at=now,
            updated_at=now,
            templates=self._applicable_uses(source.company, mission, source.language),
            answers=[
                a.model_copy(update={"needs_reconfirmation": True, "evidence_ids": []})
                for a in source.answers
                if a.is_answered or a.note or not a.risk.is_empty
            ],
            actions=[
                Action.model_validate({**a.model_dump(), "id": new_id()})
                for a in source.actions
                if a.is_open
            ],
        )
        with self._transaction():
            dossier_rows.insert_dossier(self._store.conn, copy)
            evidence_rows.copy_evidence(self._store.conn, source.id, copy.id, evidence_ids)
            self._commit_changes(
                copy.id, [Change("dossier", copy.id, "duplicated_from", None, source.id)], now
            )
        return self.get_dossier(copy.id)

    def delete_dossier(self, dossier_id: str) -> Changes:
        """Move a dossier to the trash (it can be restored until it is purged)."""
        now = self._now()
        with self._transaction():
            self._check_writable(dossier_id)
            dossier_rows.set_trashed(self._store.conn, dossier_id, now)
            return self._commit_changes(
                dossier_id,
                [Change("dossier", dossier_id, "trashed_at", None, now.isoformat())],
                now,
            )

    def restore_dossier(self, dossier_id: str) -> Changes:
        """Take a dossier out of the trash."""
        with self._transaction():
            trashed = dossier_rows.trashed_at(self._store.conn, dossier_id)
            if trashed is None:
                return Changes(dossier_id)
            dossier_rows.set_trashed(self._store.conn, dossier_id, None)
            return self._commit_changes(
                dossier_id, [Change("dossier", dossier_id, "trashed_at", trashed, None)]
            )

    def purge_dossier(self, dossier_id: str) -> Changes:
        """Delete a trashed dossier for good, with its evidence and history."""
        with self._transaction():
            if dossier_rows.trashed_at(self._store.conn, dossier_id) is None:
                raise InvalidInput(
                    catalog_entry(
                        "error", "Move the dossier to the trash before deleting it for good."
                    )
                )
            dossier_rows.delete_dossier(self._store.conn, dossier_id)
        return Changes(dossier_id, (Change("dossier", dossier_id, "purged", None, True),))

    def history(self, dossier_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """Return what changed in a dossier, oldest first: when, who, what, old and new."""
        dossier_rows.trashed_at(self._store.conn, dossier_id)
        return history_rows.load(self._store.conn, dossier_id, limit)

    def summary(self, dossier_id: str) -> DossierSummary:
        """Return completeness, scores, red flags and gaps of a dossier."""
        return summarize(self.get_dossier(dossier_id), self._templates)

    def readiness(self, dossier_id: str, audience: str = "adviser") -> Readiness:
        """Return the readiness figures as `audience` sees them (page 1 of its report)."""
        from ddcheck.domain.redaction import redact

        redaction = redact(self.snapshot(dossier_id), audience)  # type: ignore[arg-type]
        dossier = redaction.snapshot.dossier
        return readiness(dossier, redaction.snapshot.templates, redaction.withheld_items)

    def gate(self, dossier_id: str) -> GateReport:
        """Return what blocks or warns before the dossier is exported."""
        return export_gate(self.get_dossier(dossier_id), self._templates)

    def snapshot(self, dossier_id: str) -> DossierSnapshot:
        """Return a frozen picture of the dossier with its templates, for the report."""
        dossier = self.get_dossier(dossier_id)
        used = {u.id: self._templates[u.id] for u in dossier.templates if u.id in self._templates}
        return DossierSnapshot(
            dossier=dossier,
            templates=used,
            registry=self._catalog.registry,
            generated_at=self._now(),
            app_version=__version__,
        )

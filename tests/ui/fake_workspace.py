"""An in-memory stand-in for the services Workspace, for widget tests that need no database."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ddcheck.domain.applicability import choose_templates
from ddcheck.domain.dossier import Action, Answer, Company, Dossier, Evidence, Mission, TemplateUse
from ddcheck.domain.overview import MissionOverview
from ddcheck.domain.scoring import Progress, summarize
from ddcheck.services import DossierInfo, HistoryEntry
from ddcheck.services.changes import Change, Changes

if TYPE_CHECKING:
    from ddcheck.domain.dossier import Review
    from ddcheck.domain.mission import MissionDefinition, Participant
    from ddcheck.domain.overview import MissionGroup, MissionStatus, OverviewRow
    from ddcheck.domain.received import ReceivedDossier, RevisionChanges
    from ddcheck.domain.review_merge import FieldRef
    from ddcheck.domain.scoring import DossierSummary
    from ddcheck.domain.text import Language
    from ddcheck.exchange.signing import SigningKey
    from ddcheck.paths import DataPaths
    from ddcheck.services.authoring import TemplateImport
    from ddcheck.services.encryption import Keychain
    from ddcheck.services.handouts import FieldChange, HandoutPlan, PreviewRow
    from ddcheck.services.mission_packs import PackImport
    from ddcheck.services.mission_status import Proposal
    from ddcheck.services.port import WorkspacePort
    from ddcheck.services.received_model import ImportResult
    from ddcheck.services.review import ReviewExport
    from ddcheck.services.sync import SyncReport
    from ddcheck.services.travel import TravelPlan, TravelReport

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def Info(
    id: str,
    title: str,
    progress: float,
    red_flags: int,
    updated_at: dt.datetime,
    mission: Mission | None = None,
    trashed_at: dt.datetime | None = None,
) -> DossierInfo:
    """Return a dossier list row: `title` is "Company — Mission", progress a share 0.0-1.0."""
    company, _, mission_name = title.partition(" — ")
    return DossierInfo(
        id=id,
        company=Company(name=company),
        mission=mission or Mission(name=mission_name or "-"),
        language="en",
        created_at=updated_at,
        updated_at=updated_at,
        trashed_at=trashed_at,
        progress=Progress(answered=round(progress * 100), total=100),
        red_flags=red_flags,
        needs_reconfirmation=0,
    )


class NotHeldHere(NotImplementedError):
    """Asked of the double for something it does not hold (received dossiers, missions, ...)."""


class FakeWorkspace:
    """Dossiers in a dict; enough behaviour for the pages. Implements WorkspacePort."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog
        self.dossiers: dict[str, Dossier] = {}
        self.trashed: set[str] = set()
        self.blobs: dict[str, bytes] = {}
        self.log: dict[str, list[HistoryEntry]] = {}
        self.fail_next: Exception | None = None
        self.user = "tester"
        self._user_name = ""

    def signing_key(self, name: str = "") -> SigningKey | None:
        """A fake workspace has no key: its exports are unsigned."""
        return None

    def _check(self) -> None:
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error

    @property
    def templates(self) -> dict[str, Any]:
        return dict(self.catalog.templates)

    def list_dossiers(self, include_trashed: bool = False) -> list[DossierInfo]:
        rows = []
        for d in self.dossiers.values():
            if d.id in self.trashed and not include_trashed:
                continue
            summary = summarize(d, {t.id: self.catalog.get(t.id) for t in d.templates})
            trashed_at = NOW if d.id in self.trashed else None
            rows.append(
                DossierInfo(
                    id=d.id,
                    company=d.company,
                    mission=d.mission,
                    language=d.language,
                    created_at=d.created_at,
                    updated_at=d.updated_at,
                    trashed_at=trashed_at,
                    progress=summary.overall,
                    red_flags=len(summary.red_flags),
                    needs_reconfirmation=0,
                )
            )
        return rows

    def create_dossier(
        self,
        company: Company,
        mission: Mission,
        language: str = "nl",
        require: Sequence[str] = (),
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

    def rename_dossier(self, dossier_id: str, mission_name: str) -> Changes:
        d = self.dossiers[dossier_id]
        old, d.mission.name = d.mission.name, mission_name
        return self._dossier_changes(dossier_id, "mission.name", old, mission_name)

    def _dossier_changes(self, dossier_id: str, what: str, old: Any, new: Any) -> Changes:
        change = Change("dossier", dossier_id, what, old, new)
        return Changes(dossier_id, (change,), self.dossiers[dossier_id].updated_at)

    def duplicate_dossier(self, dossier_id: str, mission_name: str | None = None) -> Dossier:
        copy = self.dossiers[dossier_id].model_copy(deep=True, update={"id": uuid.uuid4().hex[:8]})
        copy.mission.name = mission_name or copy.mission.name
        self.dossiers[copy.id] = copy
        return copy

    def delete_dossier(self, dossier_id: str) -> Changes:
        self.trashed.add(dossier_id)
        return self._dossier_changes(dossier_id, "trashed", None, NOW)

    def restore_dossier(self, dossier_id: str) -> Changes:
        self.trashed.discard(dossier_id)
        return self._dossier_changes(dossier_id, "trashed", NOW, None)

    def _touch(self, dossier_id: str, what: str, key: str | None, old: Any, new: Any) -> None:
        self.dossiers[dossier_id].updated_at = dt.datetime.now(dt.UTC)
        log = self.log.setdefault(dossier_id, [])
        entity, entity_id = ("answer", key) if key else ("dossier", dossier_id)
        now = dt.datetime.now(dt.UTC)
        old, new = (v.model_dump() if isinstance(v, BaseModel) else v for v in (old, new))
        log.append(  # plain values, as the real history records them (a risk is a dict)
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

    def attach_evidence(
        self,
        dossier_id: str,
        source: Path | str,
        *,
        item_key: str | None = None,
        name: str | None = None,
        dated: dt.date | None = None,
        valid_until: dt.date | None = None,
    ) -> Evidence:
        data = Path(source).read_bytes()
        ev = Evidence(
            id=uuid.uuid4().hex[:8],
            name=name or Path(source).name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_at=NOW,
            dated=dated,
            valid_until=valid_until,
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
    ) -> Changes:
        d = self.dossiers[dossier_id]
        for answer in d.answers:
            if evidence_id in answer.evidence_ids:
                answer.evidence_ids.remove(evidence_id)
        self._touch(dossier_id, "evidence", item_key, evidence_id, None)
        change = Change("evidence", evidence_id, "detached", evidence_id, None)
        return Changes(dossier_id, (change,), self.dossiers[dossier_id].updated_at)

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

    def history(self, dossier_id: str, limit: int | None = None) -> list[HistoryEntry]:
        return list(self.log.get(dossier_id, []))[:limit]

    def user_name(self) -> str:
        return self._user_name

    def set_user_name(self, name: str) -> str:
        self._user_name = " ".join(name.split())
        self.user = self._user_name or "tester"
        return self.user

    # -- what the double does not hold: received dossiers, missions, reviews, exports, security
    def worker_opener(self) -> Callable[[], WorkspacePort] | None:
        """In memory: background jobs run on the UI thread."""
        return None

    def add_agreed_action(self, received_id: str, action: Action) -> Changes:
        raise NotHeldHere("add_agreed_action")

    def apply_handout(
        self, plan: HandoutPlan, *, take_theirs: bool = False, taken: Iterable[tuple[str, str]] = ()
    ) -> list[FieldChange]:
        raise NotHeldHere("apply_handout")

    def assess_item(
        self, received_id: str, key: str, assessment: str, comment: str = ""
    ) -> Changes:
        raise NotHeldHere("assess_item")

    def attach_link(
        self,
        dossier_id: str,
        location: str,
        *,
        item_key: str | None = None,
        name: str | None = None,
        dated: dt.date | None = None,
        valid_until: dt.date | None = None,
    ) -> Evidence:
        raise NotHeldHere("attach_link")

    def attach_received(self, mission_id: str, received_id: str) -> None:
        raise NotHeldHere("attach_received")

    def batch(self) -> AbstractContextManager[Any]:
        """Every change of the double is kept at once: a batch adds nothing."""
        return contextlib.nullcontext()

    def change_passphrase(self, old: str, new: str) -> None:
        raise NotHeldHere("change_passphrase")

    def changes_since_previous(
        self, received_id: str, revision: int | None = None
    ) -> RevisionChanges:
        raise NotHeldHere("changes_since_previous")

    def clear_assessment(self, received_id: str, key: str) -> Changes:
        raise NotHeldHere("clear_assessment")

    def close(self) -> None:
        """Nothing to close."""

    def create_mission(
        self,
        name: str,
        *,
        destinations: Sequence[str],
        start: dt.date,
        end: dt.date,
        name_en: str = "",
        deadline: dt.date | None = None,
        organiser: str = "",
        contact: str = "",
        checklists: Sequence[str] = (),
        participants: Sequence[Participant] = (),
    ) -> MissionDefinition:
        raise NotHeldHere("create_mission")

    def decrypt(self, passphrase: str) -> None:
        raise NotHeldHere("decrypt")

    def delete_received(self, received_id: str) -> None:
        raise NotHeldHere("delete_received")

    def encrypt(
        self, passphrase: str, *, keychain: Keychain | None = None, remember: bool = False
    ) -> str | None:
        raise NotHeldHere("encrypt")

    @property
    def encrypted(self) -> bool:
        """Never encrypted."""
        return False

    def export_mission_pack(self, mission_id: str, out_path: Path | str) -> Path:
        raise NotHeldHere("export_mission_pack")

    def export_overview_csv(self, overview: MissionOverview, out_path: Path | str) -> Path:
        raise NotHeldHere("export_overview_csv")

    def export_overview_pdf(
        self, overview: MissionOverview, out_path: Path | str, lang: Language = "nl"
    ) -> Path:
        raise NotHeldHere("export_overview_pdf")

    def export_review_file(self, received_id: str, out_path: Path | str) -> ReviewExport:
        raise NotHeldHere("export_review_file")

    def export_review_pdf(
        self, received_id: str, out_path: Path | str, lang: Language = "nl"
    ) -> ReviewExport:
        raise NotHeldHere("export_review_pdf")

    def export_template(self, template_id: str, out_path: Path | str) -> Path:
        raise NotHeldHere("export_template")

    def get_mission(self, mission_id: str) -> MissionDefinition:
        raise NotHeldHere("get_mission")

    def get_received(self, received_id: str, revision: int | None = None) -> ReceivedDossier:
        raise NotHeldHere("get_received")

    def import_file(
        self, path: Path | str, *, as_own: bool = False, accept_internal: bool = False
    ) -> ImportResult:
        raise NotHeldHere("import_file")

    def import_mission_pack(self, path: Path | str) -> PackImport:
        raise NotHeldHere("import_mission_pack")

    def import_template(
        self, path: Path | str, *, replace_built_in: bool = False
    ) -> TemplateImport:
        raise NotHeldHere("import_template")

    def imported_template_files(self) -> list[Path]:
        """No imported checklist files."""
        return []

    def list_missions(self) -> list[MissionDefinition]:
        """No missions."""
        return []

    def overview_row(self, received: Any) -> Any:
        raise NotHeldHere("overview_row")

    def mission_overview(
        self,
        mission: str | None = None,
        *,
        sort: str = "company",
        descending: bool = False,
        text: str = "",
        verdict: str | None = None,
        red_flags_only: bool = False,
    ) -> MissionOverview:
        """No received dossiers."""
        return MissionOverview(mission, ())

    def mission_overview_by_id(
        self,
        mission_id: str,
        *,
        sort: str = "company",
        descending: bool = False,
        text: str = "",
        verdict: str | None = None,
        red_flags_only: bool = False,
    ) -> MissionOverview:
        raise NotHeldHere("mission_overview_by_id")

    def mission_proposals(self) -> list[Proposal]:
        """Nothing to propose."""
        return []

    def mission_statuses(self, rows: list[OverviewRow] | None = None) -> list[MissionStatus]:
        """No missions."""
        return []

    def missions(self) -> list[MissionGroup]:
        """No missions."""
        return []

    def passphrase_fits(self, passphrase: str) -> bool:
        raise NotHeldHere("passphrase_fits")

    @property
    def paths(self) -> DataPaths | None:
        """Held in memory: no folder."""
        return None

    def plan_handout_import(self, path: Path | str) -> HandoutPlan:
        raise NotHeldHere("plan_handout_import")

    def prepare_travel(self, leave: list[str], archive: Path | str) -> TravelReport:
        raise NotHeldHere("prepare_travel")

    def preview_handout(self, plan: HandoutPlan, lang: str | None = None) -> list[PreviewRow]:
        raise NotHeldHere("preview_handout")

    def propose_actions(self, dossier_id: str) -> list[Action]:
        raise NotHeldHere("propose_actions")

    def put_review(self, received_id: str, target: Review) -> Changes:
        raise NotHeldHere("put_review")

    def received_evidence_bytes(self, received_id: str, evidence_id: str) -> bytes:
        raise NotHeldHere("received_evidence_bytes")

    def received_summary(self, received: ReceivedDossier) -> DossierSummary:
        raise NotHeldHere("received_summary")

    def remove_agreed_action(self, received_id: str, action_id: str) -> Changes:
        raise NotHeldHere("remove_agreed_action")

    def resolve_conflict(self, received_id: str, ref: FieldRef, value: Any) -> Changes:
        raise NotHeldHere("resolve_conflict")

    def return_from_travel(self, archive: Path | str) -> TravelReport:
        raise NotHeldHere("return_from_travel")

    def review_history(self, received_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """No reviews."""
        return []

    def review_of(self, received_id: str) -> Review:
        raise NotHeldHere("review_of")

    def set_verdict(
        self,
        received_id: str,
        verdict: str | None,
        note: str | None = None,
        *,
        reviewer: str | None = None,
        organisation: str | None = None,
    ) -> Changes:
        raise NotHeldHere("set_verdict")

    def trust_key(self, received_id: str) -> Any:
        raise NotHeldHere("trust_key")

    def trust_sender_key(self, kind: str, subject: str, key: str) -> Any:
        raise NotHeldHere("trust_sender_key")

    def sync_folder(
        self,
        folder: Path | str,
        *,
        settle_seconds: float = 1.0,
        progress: Callable[[int, int], None] | None = None,
    ) -> SyncReport:
        raise NotHeldHere("sync_folder")

    def travel_plan(self, leave: list[str]) -> TravelPlan:
        raise NotHeldHere("travel_plan")

    def travelling(self) -> bool:
        """Never travelling."""
        return False

    def update_agreed_action(self, received_id: str, action_id: str, **fields: Any) -> Changes:
        raise NotHeldHere("update_agreed_action")

    def write_handout(
        self,
        dossier_id: str,
        out_path: Path | str,
        *,
        to: str,
        sections: Iterable[str],
        lang: str | None = None,
    ) -> int:
        raise NotHeldHere("write_handout")

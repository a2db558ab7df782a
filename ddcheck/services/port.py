"""The workspace as the app sees it: what the UI calls on the façade, as a typed Protocol.

`Workspace` implements it (mypy checks this in tests/test_workspace_port.py), and so does the UI
tests' in-memory double. The UI names only this port, never the concrete façade, so a test double
needs no special case in production code. Types are imported for the type checker only: the app's
first window does not wait for the services to import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ddcheck.domain.dossier import Action, Answer, Company, Dossier, Evidence, Mission, Review
    from ddcheck.domain.mission import MissionDefinition, Participant
    from ddcheck.domain.overview import MissionGroup, MissionOverview, MissionStatus, OverviewRow
    from ddcheck.domain.received import ReceivedDossier, RevisionChanges
    from ddcheck.domain.review_merge import FieldRef
    from ddcheck.domain.scoring import DossierSummary
    from ddcheck.domain.snapshot import DossierSnapshot
    from ddcheck.domain.templates import Template
    from ddcheck.domain.text import Language
    from ddcheck.exchange.signing import SigningKey
    from ddcheck.paths import DataPaths
    from ddcheck.services.authoring import TemplateImport
    from ddcheck.services.catalogs import CatalogLike
    from ddcheck.services.changes import Changes, HistoryEntry
    from ddcheck.services.dossiers import DossierInfo
    from ddcheck.services.encryption import Keychain
    from ddcheck.services.handouts import FieldChange, HandoutPlan, PreviewRow
    from ddcheck.services.key_trust import KeyTrusted
    from ddcheck.services.mission_packs import PackImport
    from ddcheck.services.mission_status import Proposal
    from ddcheck.services.received_model import ImportResult
    from ddcheck.services.review import ReviewExport
    from ddcheck.services.sender_keys import SenderKeyTrusted
    from ddcheck.services.sync import SyncReport
    from ddcheck.services.travel import TravelPlan, TravelReport


class WorkspacePort(Protocol):
    """One open workspace, as the app uses it: dossiers, evidence, actions, reviews, missions."""

    def worker_opener(self) -> Callable[[], WorkspacePort] | None:
        """Return how a worker thread opens this workspace on a connection of its own.

        None when the workspace lives in memory (a test double): its jobs run on the caller's
        thread.
        """
        ...

    def actions_of(self, dossier_id: str) -> list[Action]:
        """Return a dossier's action plan in order (without reading the rest of the dossier)."""
        ...

    def add_action(self, dossier_id: str, action: Action) -> Changes:
        """Add an action at the end of the plan."""
        ...

    def add_agreed_action(self, received_id: str, action: Action) -> Changes:
        """Add an improvement action agreed with the company (verbeterafspraak)."""
        ...

    def answer(
        self,
        dossier_id: str,
        template_id: str,
        item_id: str,
        *,
        value: Any = ...,
        note: Any = ...,
        confidential: Any = ...,
        review: Any = ...,
        risk: Any = ...,
    ) -> Changes:
        """Save what was given for one item in its own transaction; return what changed."""
        ...

    def answers_of(self, dossier_id: str, keys: Iterable[str]) -> dict[str, Answer | None]:
        """Return the saved answers to some items (`template_id/item_id`), None where unanswered."""
        ...

    def apply_handout(
        self, plan: HandoutPlan, *, take_theirs: bool = False, taken: Iterable[tuple[str, str]] = ()
    ) -> list[FieldChange]:
        """Save the plan's changes in one transaction under the colleague's name; return them."""
        ...

    def assess_item(
        self, received_id: str, key: str, assessment: str, comment: str = ""
    ) -> Changes:
        """Record an item's assessment (accepted / question / insufficient) with a comment."""
        ...

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
        """Store a file as evidence of a dossier (linked to an item when `item_key` is given)."""
        ...

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
        """Record a link or path as evidence (never fetched); the same location is kept once."""
        ...

    def attach_received(self, mission_id: str, received_id: str) -> None:
        """Attach a received dossier that names no mission id to a mission (the adviser's call)."""
        ...

    @property
    def catalog(self) -> CatalogLike:
        """Return the shipped catalog the workspace was opened with."""
        ...

    def batch(self) -> AbstractContextManager[Any]:
        """Return a context in which several changes are saved together, all or nothing."""
        ...

    def change_passphrase(self, old: str, new: str) -> None:
        """Let `new` open this workspace instead of `old`."""
        ...

    def changes_since_previous(
        self, received_id: str, revision: int | None = None
    ) -> RevisionChanges:
        """Return what changed in `revision` (default: the newest) against the one before it."""
        ...

    def clear_assessment(self, received_id: str, key: str) -> Changes:
        """Remove an item's assessment."""
        ...

    def close(self) -> None:
        """Close the workspace file."""
        ...

    def create_dossier(
        self, company: Company, mission: Mission, language: str = "nl", require: Sequence[str] = ()
    ) -> Dossier:
        """Create a dossier with the templates that apply to its profile, and return it."""
        ...

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
        """Define a mission (checklists at the versions in this workspace) and store it."""
        ...

    def decrypt(self, passphrase: str) -> None:
        """Store this open workspace unencrypted again (the passphrase is asked once more)."""
        ...

    def delete_action(self, dossier_id: str, action_id: str) -> Changes:
        """Remove an action from the plan."""
        ...

    def delete_dossier(self, dossier_id: str) -> Changes:
        """Move a dossier to the trash (it can be restored until it is purged)."""
        ...

    def delete_received(self, received_id: str) -> None:
        """Delete a received dossier with its revisions, evidence and review."""
        ...

    def detach_evidence(
        self, dossier_id: str, evidence_id: str, item_key: str | None = None
    ) -> Changes:
        """Unlink evidence from one item, or (without `item_key`) remove it from the dossier."""
        ...

    def duplicate_dossier(self, dossier_id: str, mission_name: str | None = None) -> Dossier:
        """Copy a dossier as the baseline for a next mission; every answer needs re-confirmation."""
        ...

    def encrypt(
        self, passphrase: str, *, keychain: Keychain | None = None, remember: bool = False
    ) -> str | None:
        """Encrypt this open workspace; return the recovery key (to show once)."""
        ...

    @property
    def encrypted(self) -> bool:
        """Return whether the workspace is encrypted."""
        ...

    def export_evidence(self, dossier_id: str, evidence_id: str, folder: Path) -> Path:
        """Save a dossier's evidence file into `folder`; return the file written."""
        ...

    def export_mission_pack(self, mission_id: str, out_path: Path | str) -> Path:
        """Write the mission's pack: the mission and its checklists at this workspace's versions."""
        ...

    def export_overview_csv(self, overview: MissionOverview, out_path: Path | str) -> Path:
        """Write the overview as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
        ...

    def export_overview_pdf(
        self, overview: MissionOverview, out_path: Path | str, lang: Language = "nl"
    ) -> Path:
        """Write the overview as a PDF table in the report's style."""
        ...

    def export_review_file(self, received_id: str, out_path: Path | str) -> ReviewExport:
        """Write the `.ddreview` file the company loads back into its own workspace."""
        ...

    def export_review_pdf(
        self, received_id: str, out_path: Path | str, lang: Language = "nl"
    ) -> ReviewExport:
        """Write the review as a PDF in the report's style (Dutch or English)."""
        ...

    def export_template(self, template_id: str, out_path: Path | str) -> Path:
        """Write a template as a YAML file others can import (the author's own text if kept)."""
        ...

    def get_dossier(self, dossier_id: str) -> Dossier:
        """Return the whole dossier, or raise NotFound."""
        ...

    def get_mission(self, mission_id: str) -> MissionDefinition:
        """Return a mission, or raise NotFound."""
        ...

    def get_received(self, received_id: str, revision: int | None = None) -> ReceivedDossier:
        """Return a received dossier as of `revision` (default: the newest)."""
        ...

    def history(self, dossier_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """Return what changed in a dossier, oldest first: when, who, what, old and new."""
        ...

    def import_file(
        self, path: Path | str, *, as_own: bool = False, accept_internal: bool = False
    ) -> ImportResult:
        """Import a ddcheck PDF, `.ddcheck` bundle or `.ddreview` file; all or nothing."""
        ...

    def import_mission_pack(self, path: Path | str) -> PackImport:
        """Store the pack's mission and take its newer checklists (answers kept); all or nothing."""
        ...

    def import_template(
        self, path: Path | str, *, replace_built_in: bool = False
    ) -> TemplateImport:
        """Validate a template file and add it; a newer version replaces the older one."""
        ...

    def imported_template_files(self) -> list[Path]:
        """Return the imported template files (for `load_shipped_catalog(extra_dirs=...)`)."""
        ...

    def list_dossiers(self, include_trashed: bool = False) -> list[DossierInfo]:
        """Return the dossiers, most recently changed first, with progress and red flags."""
        ...

    def list_missions(self) -> list[MissionDefinition]:
        """Return the missions of this workspace (defined here or from packs)."""
        ...

    def overview_row(self, received: ReceivedDossier) -> OverviewRow:
        """Return the overview line of one received dossier."""
        ...

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
        """Return the overview of one mission (name, case and spacing ignored) or of all."""
        ...

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
        """Return the overview of one mission by its id, with who is expected and missing."""
        ...

    def mission_proposals(self) -> list[Proposal]:
        """Return, for received dossiers without a mission id, the missions they may belong to."""
        ...

    def mission_statuses(self, rows: list[OverviewRow] | None = None) -> list[MissionStatus]:
        """Return every mission's status: the defined ones, then ids only dossiers name."""
        ...

    def missions(self) -> list[MissionGroup]:
        """Return the missions of the received dossiers, with how many dossiers each has."""
        ...

    def passphrase_fits(self, passphrase: str) -> bool:
        """Return whether `passphrase` (or the recovery key) opens this workspace."""
        ...

    @property
    def paths(self) -> DataPaths | None:
        """Return where this workspace keeps its files (None for one held in memory)."""
        ...

    def plan_handout_import(self, path: Path | str) -> HandoutPlan:
        """Return what a returned hand-out would change; refuse it (nothing saved) when unusable."""
        ...

    def prepare_travel(self, leave: list[str], archive: Path | str) -> TravelReport:
        """Move what `leave` names into an encrypted archive at `archive` (outside the folder)."""
        ...

    def preview_handout(self, plan: HandoutPlan, lang: str | None = None) -> list[PreviewRow]:
        """Return the plan's changes with item numbers, questions and values in words."""
        ...

    def propose_actions(self, dossier_id: str) -> list[Action]:
        """Return unsaved actions for every red flag and gap that has no action yet."""
        ...

    def put_review(self, received_id: str, target: Review) -> Changes:
        """Make the review equal to `target` (the app's undo and redo); log every difference."""
        ...

    def received_evidence_bytes(self, received_id: str, evidence_id: str) -> bytes:
        """Return an evidence file received with the newest revision that carried it."""
        ...

    def received_summary(self, received: ReceivedDossier) -> DossierSummary:
        """Return completeness and red flags of a received dossier (templates known here)."""
        ...

    def remove_agreed_action(self, received_id: str, action_id: str) -> Changes:
        """Remove an agreed action from the review."""
        ...

    def rename_dossier(self, dossier_id: str, mission_name: str) -> Changes:
        """Rename the dossier's mission."""
        ...

    def resolve_conflict(self, received_id: str, ref: FieldRef, value: Any) -> Changes:
        """Keep `value` for a conflicting field; the choice goes out with the next sync."""
        ...

    def restore_dossier(self, dossier_id: str) -> Changes:
        """Take a dossier out of the trash."""
        ...

    def return_from_travel(self, archive: Path | str) -> TravelReport:
        """Put back what the archive holds; answers given during the trip are kept."""
        ...

    def review_history(self, received_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """Return what happened to a received dossier, oldest first: revisions and review edits."""
        ...

    def review_of(self, received_id: str) -> Review:
        """Return the review of a received dossier (an empty one when nothing was recorded)."""
        ...

    def set_user_name(self, name: str) -> str:
        """Record changes from now on under `name` ('' for the OS user); return the author."""
        ...

    def set_verdict(
        self,
        received_id: str,
        verdict: str | None,
        note: str | None = None,
        *,
        reviewer: str | None = None,
        organisation: str | None = None,
    ) -> Changes:
        """Set the overall verdict (and its note, the reviewer's name and organisation)."""
        ...

    def trust_key(self, received_id: str) -> KeyTrusted:
        """Pin the key the newest revision is signed with for its company (`received trust`)."""
        ...

    def trust_sender_key(self, kind: str, subject: str, key: str) -> SenderKeyTrusted:
        """Pin the adviser's new key for a dossier's reviews or a mission's packs."""
        ...

    def signing_key(self, name: str = "") -> SigningKey | None:
        """Return the key exports are signed with (None: they go unsigned)."""
        ...

    def snapshot(self, dossier_id: str) -> DossierSnapshot:
        """Return a frozen picture of the dossier with its templates, for the report."""
        ...

    def sync_folder(
        self,
        folder: Path | str,
        *,
        settle_seconds: float = 1.0,
        progress: Callable[[int, int], None] | None = None,
    ) -> SyncReport:
        """Import what is new in `folder`, merge reviews, and write our review changes into it."""
        ...

    @property
    def templates(self) -> dict[str, Template]:
        """Return every template available: shipped, plus imported into this workspace."""
        ...

    def travel_plan(self, leave: list[str]) -> TravelPlan:
        """Return what `leave` (confidential, evidence, dossier ids or starts) would leave home."""
        ...

    def travelling(self) -> bool:
        """Return whether things are left at home for a trip now."""
        ...

    def update_action(self, dossier_id: str, action_id: str, **fields: Any) -> Changes:
        """Change fields of an action (owner, due, status, ...); return what changed."""
        ...

    def update_agreed_action(self, received_id: str, action_id: str, **fields: Any) -> Changes:
        """Change fields of an agreed action (due date, text, priority, ...)."""
        ...

    @property
    def user(self) -> str:
        """Return the name history rows are written under."""
        ...

    def user_name(self) -> str:
        """Return the name the user gave for the history ('' when none: the OS user is used)."""
        ...

    def write_handout(
        self,
        dossier_id: str,
        out_path: Path | str,
        *,
        to: str,
        sections: Iterable[str],
        lang: str | None = None,
    ) -> int:
        """Write a hand-out of the items of `sections` for colleague `to`; return the items."""
        ...

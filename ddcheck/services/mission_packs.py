"""Mission packs: the adviser exports one; a company imports it and starts its dossier from it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ddcheck.catalog import TemplateError, load_template_text
from ddcheck.domain.dossier import Company, Dossier, Mission
from ddcheck.domain.mission import MissionDefinition, RequestedChecklist
from ddcheck.domain.templates import Template
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.authoring import AuthoringOps
from ddcheck.services.changes import Changes
from ddcheck.services.dossiers import DossierOps
from ddcheck.services.files import write_atomically
from ddcheck.services.missions import MissionOps
from ddcheck.services.received import refused
from ddcheck.services.received_model import ImportRefused, Notice
from ddcheck.services.signing import UNSIGNED, SigningOps
from ddcheck.store import missions as mission_rows
from ddcheck.store import templates as template_rows

if TYPE_CHECKING:
    from ddcheck.exchange.mission_pack import PackContents

PackStatus = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class PackImport:
    """What importing a mission pack did: the mission, and which checklists became newer."""

    path: Path
    mission: MissionDefinition
    status: PackStatus
    upgraded: tuple[tuple[str, int, int | None], ...] = ()  # id, new version, old (None: new)
    kept: tuple[tuple[str, int, int], ...] = ()  # id, pack version, newer version kept here
    changes: list[Changes] = field(default_factory=list)
    signature: str = UNSIGNED  # signed | other_key | unsigned (see services.signing)
    signer: str = ""  # the signer's key id, when signed
    warnings: tuple[Notice, ...] = ()

    @property
    def dossiers_upgraded(self) -> int:
        """Return how many dossiers moved to a newer checklist version."""
        return len(self.changes)

    @property
    def answers_to_reconfirm(self) -> int:
        """Return how many answers must be confirmed again after the upgrade."""
        return sum(
            1
            for c in self.changes
            for change in c.changes
            if change.field == "needs_reconfirmation"
        )


class MissionPackOps(MissionOps, AuthoringOps, DossierOps, SigningOps):
    """Export and import `.ddmission` packs; start a dossier from one.

    Packs are signed with the workspace's key. On import the key is pinned per mission id (the
    first signed pack of a mission pins it); a later pack for that mission signed with another
    key is taken but flagged, an unsigned one is noted.
    """

    def export_mission_pack(self, mission_id: str, out_path: Path | str) -> Path:
        """Write the mission's pack: the mission and its checklists at this workspace's versions."""
        from ddcheck.exchange.mission_pack import write_pack

        mission = self.get_mission(mission_id)
        current = [
            RequestedChecklist(id=c.id, version=self._template(c.id).version)
            for c in mission.checklists
        ]
        if current != mission.checklists:
            mission = mission.model_copy(update={"checklists": current})
            with self._transaction():
                mission_rows.save_mission(self._store.conn, mission, "own", self._now())
        files = {(c.id, c.version): self._template_text(self._templates[c.id]) for c in current}
        key = self.signing_key(mission.organiser or mission.contact)
        target = Path(out_path)
        write_atomically(target, write_pack(mission, files, key))
        return target

    def read_mission_pack(
        self, path: Path | str
    ) -> tuple[MissionDefinition, list[tuple[Template, bytes]]]:
        """Check a pack in full (archive, mission, every checklist); change nothing.

        Raise ImportRefused with one sentence (checklist problems with their lines in `problems`).
        """
        contents, templates = self._checked_pack(Path(path))
        return contents.mission, templates

    def _checked_pack(self, source: Path) -> tuple[PackContents, list[tuple[Template, bytes]]]:
        """Return the checked pack (with its signer) and its checklists; raise ImportRefused."""
        from ddcheck.exchange.mission_pack import PackError, read_pack

        try:
            contents = read_pack(source)
        except PackError as error:
            raise refused(source, error) from error
        templates = []
        for (template_id, version), data in sorted(contents.checklists.items()):
            name = f"{source.name}:{template_id}-v{version}.yaml"
            try:
                template = load_template_text(data.decode("utf-8"), name, self._catalog.registry)
            except UnicodeDecodeError as error:
                raise refused(source, f"checklist {template_id} is not UTF-8 text") from error
            except (TemplateError, RecursionError) as error:
                problems = getattr(error, "problems", [])
                first = str(problems[0]) if problems else "it is not a valid checklist"
                raise ImportRefused(
                    catalog_entry(
                        "error", "{file} was not imported: checklist {template}: {problem}"
                    ),
                    tuple(str(p) for p in problems),
                    file=source.name,
                    template=template_id,
                    problem=first,
                ) from error

            if (template.id, template.version) != (template_id, version):
                raise refused(
                    source,
                    f"the file of checklist {template_id} version {version} holds "
                    f"{template.id} version {template.version}",
                )
            templates.append((template, data))
        return contents, templates

    def import_mission_pack(self, path: Path | str) -> PackImport:
        """Store the pack's mission and take its newer checklists (answers kept); all or nothing.

        Dossiers move to the newer checklist versions; answers to changed items are marked for
        re-confirmation (the template upgrade). Raise ImportRefused and change nothing otherwise.
        """
        source = Path(path)
        contents, files = self._checked_pack(source)
        mission = contents.mission
        templates = [template for template, _ in files]
        texts = {template.id: data for template, data in files}
        known = mission_rows.find_mission(self._store.conn, mission.id)
        status: PackStatus = (
            "new" if known is None else "updated" if known != mission else "unchanged"
        )
        newer = [
            t
            for t in templates
            if t.id not in self._templates or t.version > self._templates[t.id].version
        ]
        kept = tuple(
            (t.id, t.version, self._templates[t.id].version)
            for t in templates
            if t.id in self._templates and t.version < self._templates[t.id].version
        )
        upgraded = tuple(
            (t.id, t.version, self._templates[t.id].version if t.id in self._templates else None)
            for t in newer
        )
        now = self._now()
        with self._transaction():
            signature, warnings = self._check_sender([("mission", mission.id)], contents.signer)
            if status != "unchanged":  # a mission defined here keeps its origin
                mission_rows.save_mission(self._store.conn, mission, "pack", now)
            for template in newer:
                template_rows.save_template(self._store.conn, template, now)
        for template in newer:
            self._templates[template.id] = template
            with contextlib.suppress(OSError):  # a copy to share; the workspace file holds it
                write_atomically(
                    self.templates_dir / f"{template.id}-v{template.version}.yaml",
                    texts[template.id],
                )
        changes = self.upgrade_templates() if newer else []
        return PackImport(
            source,
            mission,
            status,
            upgraded,
            kept,
            changes,
            signature,
            contents.signer.key_id if contents.signer is not None else "",
            warnings,
        )

    def create_dossier_for_mission(
        self,
        mission_id: str,
        company: Company,
        language: str = "nl",
        **profile: object,
    ) -> Dossier:
        """Create a dossier with the mission filled in and its requested checklists added.

        `profile` sets further mission fields of the dossier (activities, high-risk areas, ekv).
        """
        mission = self.get_mission(mission_id)
        lang = self._language(language)
        details = Mission(
            name=mission.title(lang),
            destinations=list(mission.destinations),
            start=mission.start,
            end=mission.end,
            organiser=mission.organiser,
            mission_id=mission.id,
            **profile,  # type: ignore[arg-type]
        )
        return self.create_dossier(
            company, details, language=lang, require=[c.id for c in mission.checklists]
        )

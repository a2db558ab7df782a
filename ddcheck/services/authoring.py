"""Checklists and briefings advisers write: import them (validated), export them to share."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ddcheck import paths
from ddcheck.bounded_read import UnreadableFile, read_regular_file
from ddcheck.catalog import TemplateError, load_template_text, template_files
from ddcheck.catalog.loader import MAX_TEMPLATE_BYTES
from ddcheck.domain.templates import Template
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.changes import Changes
from ddcheck.services.errors import InvalidInput, NotFound
from ddcheck.services.files import write_atomically
from ddcheck.services.received_model import ImportRefused, refused
from ddcheck.store import templates as template_rows

TEMPLATES_FOLDER = "templates"


class BuiltInReplacement(ImportRefused):
    """An imported template with the id of a checklist built into ddcheck (not confirmed)."""


@dataclass(frozen=True)
class TemplateImport:
    """What importing a template file did."""

    template: Template
    status: Literal["new", "newer", "unchanged"]
    replaced_version: int | None
    stored_at: Path
    changes: list[Changes] = field(default_factory=list)


def _file_name(template: Template) -> str:
    return f"{template.id}-v{template.version}.yaml"


class AuthoringOps(WorkspaceBase):
    """Imported templates live in the workspace file and, as YAML, in `<data>/templates/`."""

    @property
    def templates_dir(self) -> Path:
        """Return the folder of imported template files (an extra catalog folder)."""
        return self._paths.root / TEMPLATES_FOLDER

    def import_template(
        self, path: Path | str, *, replace_built_in: bool = False
    ) -> TemplateImport:
        """Validate a template file and add it; a newer version replaces the older one.

        Answers are kept: dossiers move to the new version and answers to changed items are
        marked for re-confirmation. A checklist built into ddcheck is replaced only with
        `replace_built_in` (undo with `revert_template`). Raise ImportRefused (with every
        problem and its line).
        """
        source = Path(path)
        template, data = self._load_importable(source)
        current = self._templates.get(template.id)
        target = self.templates_dir / _file_name(template)
        if current is not None and template.version <= current.version:
            if template.version == current.version and template == current:
                return TemplateImport(template, "unchanged", None, target)
            raise ImportRefused(
                catalog_entry(
                    "error",
                    "{file} was not imported: template {template} version {version} is not "
                    "newer than the version {current} in use; raise its version number.",
                ),
                file=source.name,
                template=template.id,
                version=template.version,
                current=current.version,
            )

        built_in = self._catalog.templates.get(template.id)
        if built_in is not None and not replace_built_in:
            raise BuiltInReplacement(
                catalog_entry(
                    "error",
                    "{file} was not imported: '{template}' is a checklist built into ddcheck "
                    "({built_in} items) and this file would replace it ({items} items); give "
                    "your checklist another id, or import it with --replace-built-in to replace "
                    "it on purpose (undo: ddcheck templates revert {template}).",
                ),
                file=source.name,
                template=template.id,
                built_in=built_in.item_count,
                items=template.item_count,
            )
        write_atomically(target, data)
        try:
            changes = self.add_template(template)  # type: ignore[attr-defined]
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        for older in self.templates_dir.glob(f"{template.id}-v*.yaml"):
            if older != target:
                with contextlib.suppress(OSError):
                    older.unlink()
        status: Literal["new", "newer"] = "new" if current is None else "newer"
        replaced = None if current is None else current.version
        return TemplateImport(template, status, replaced, target, changes)

    def _load_importable(self, source: Path) -> tuple[Template, bytes]:
        """Read a template file once (bounded, regular files only) and validate it."""
        name = str(source)
        try:
            data = read_regular_file(source, MAX_TEMPLATE_BYTES)
            template = load_template_text(data.decode("utf-8"), name, self._catalog.registry)
        except UnreadableFile as error:
            raise refused(source, error) from error
        except UnicodeDecodeError as error:
            raise refused(source, catalog_entry("error", "the file is not UTF-8 text")) from error
        except TemplateError as error:
            count = len(error.problems)
            first = str(error.problems[0]) if error.problems else "it is not a template"
            several = catalog_entry(
                "error",
                "{file} was not imported: {count} problems, the first: {problem}",
            )
            one = catalog_entry("error", "{file} was not imported: {problem}")
            raise ImportRefused(
                several if count > 1 else one,
                tuple(str(p) for p in error.problems),
                file=source.name,
                count=count,
                problem=first,
            ) from error

        return template, data

    def revert_template(self, template_id: str) -> list[Changes]:
        """Put a built-in checklist back after an import replaced it; dossiers move back to it.

        Answers are kept; answers to items that differ are marked for re-confirmation.
        """
        built_in = self._catalog.templates.get(template_id)
        if built_in is None:
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "'{template}' is not a checklist built into ddcheck; only a replaced "
                    "built-in checklist can be put back.",
                ),
                template=template_id,
            )
        with self._transaction():
            removed = template_rows.delete_templates(self._store.conn, template_id)
        for kept in self.templates_dir.glob(f"{template_id}-v*.yaml"):
            with contextlib.suppress(OSError):
                kept.unlink()
                removed = removed or 1
        if not removed:
            raise InvalidInput(
                catalog_entry(
                    "error", "'{template}' was never replaced; it is the built-in version already."
                ),
                template=template_id,
            )

        self._templates[template_id] = built_in
        return self.upgrade_templates(back_to=template_id)  # type: ignore[attr-defined]

    def export_template(self, template_id: str, out_path: Path | str) -> Path:
        """Write a template as a YAML file others can import (the author's own text if kept)."""
        template = self._templates.get(template_id)
        if template is None:
            raise NotFound(
                catalog_entry("error", "There is no template '{template}'."), template=template_id
            )
        text = self._template_text(template)
        target = Path(out_path)
        write_atomically(target, text)
        return target

    def _template_text(self, template: Template) -> bytes:
        import yaml

        kept = self.templates_dir / _file_name(template)
        if kept.is_file():
            return kept.read_bytes()
        for candidate in template_files(paths.checklists_dir()):
            try:
                head = yaml.safe_load(candidate.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError, UnicodeDecodeError):
                continue
            if (
                isinstance(head, dict)
                and head.get("id") == template.id
                and head.get("version") == template.version
            ):
                return candidate.read_bytes()
        data = template.model_dump(mode="json", by_alias=True, exclude_none=True)
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")

    def imported_template_files(self) -> list[Path]:
        """Return the imported template files (for `load_shipped_catalog(extra_dirs=...)`)."""
        return list(template_files(self.templates_dir))


__all__ = ["AuthoringOps", "BuiltInReplacement", "TemplateError", "TemplateImport"]

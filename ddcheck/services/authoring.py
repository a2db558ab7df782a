"""Checklists and briefings advisers write: import them (validated), export them to share."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from ddcheck import paths
from ddcheck.catalog import TemplateError, load_template_file, template_files
from ddcheck.domain.templates import Template
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.changes import Changes
from ddcheck.services.errors import NotFound
from ddcheck.services.files import write_atomically
from ddcheck.services.received_model import ImportRefused

TEMPLATES_FOLDER = "templates"


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

    def import_template(self, path: Path | str) -> TemplateImport:
        """Validate a template file and add it; a newer version replaces the older one.

        Answers are kept: dossiers move to the new version and answers to changed items are
        marked for re-confirmation. Raise ImportRefused (with every problem and its line).
        """
        source = Path(path)
        try:
            template = load_template_file(source, self._catalog.registry)
        except TemplateError as error:
            count = len(error.problems)
            first = str(error.problems[0]) if error.problems else "it is not a template"
            raise ImportRefused(
                f"{source.name} was not imported: {count} problem(s), the first: {first}",
                tuple(str(p) for p in error.problems),
                nl=f"{source.name} is niet geïmporteerd: "
                + ("1 probleem" if count == 1 else f"{count} problemen")
                + " in de checklist (zie hieronder).",
            ) from error
        current = self._templates.get(template.id)
        target = self.templates_dir / _file_name(template)
        if current is not None and template.version <= current.version:
            if template.version == current.version and template == current:
                return TemplateImport(template, "unchanged", None, target)
            raise ImportRefused(
                f"{source.name} was not imported: template {template.id} version "
                f"{template.version} is not newer than the version {current.version} in use; "
                "raise its version number.",
                nl=f"{source.name} is niet geïmporteerd: checklist {template.id} versie "
                f"{template.version} is niet nieuwer dan de gebruikte versie {current.version}; "
                "verhoog het versienummer.",
            )
        text = source.read_bytes()
        write_atomically(target, text)
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
        status = "new" if current is None else "newer"
        replaced = None if current is None else current.version
        return TemplateImport(template, status, replaced, target, changes)

    def export_template(self, template_id: str, out_path: Path | str) -> Path:
        """Write a template as a YAML file others can import (the author's own text if kept)."""
        template = self._templates.get(template_id)
        if template is None:
            raise NotFound(f"There is no template '{template_id}'.")
        text = self._template_text(template)
        target = Path(out_path)
        write_atomically(target, text)
        return target

    def _template_text(self, template: Template) -> bytes:
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


__all__ = ["AuthoringOps", "TemplateError", "TemplateImport"]

"""The catalog: every template version the app knows, and the sources they cite."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ddcheck.catalog.loader import load_registry, load_template_file, template_files
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Template


@dataclass
class Catalog:
    """Templates by id (newest version first in `templates`) and every version by (id, version)."""

    registry: SourceRegistry
    versions: dict[tuple[str, int], Template] = field(default_factory=dict)

    def add(self, template: Template) -> None:
        """Add a template version (a newer version of the same id takes its place as newest)."""
        self.versions[(template.id, template.version)] = template

    @property
    def templates(self) -> dict[str, Template]:
        """Return the newest version of every template, keyed by id, in a stable order."""
        newest: dict[str, Template] = {}
        for (template_id, version), template in sorted(self.versions.items()):
            if template_id not in newest or newest[template_id].version < version:
                newest[template_id] = template
        return dict(sorted(newest.items(), key=lambda kv: _display_order(kv[1])))

    def get(self, template_id: str, version: int | None = None) -> Template | None:
        """Return a template by id: the given version, or the newest one."""
        if version is not None:
            return self.versions.get((template_id, version))
        return self.templates.get(template_id)


def _display_order(template: Template) -> tuple[bool, bool, str]:
    """Checklists before briefings; within them, the ones that always apply first."""
    return (template.kind != "checklist", template.applies_if is not None, template.id)


def load_catalog(
    checklist_dirs: Sequence[Path], sources_file: Path, expectations_file: Path
) -> Catalog:
    """Load every template in `checklist_dirs`; raise TemplateError on the first broken file."""
    catalog = Catalog(registry=load_registry(sources_file, expectations_file))
    for folder in checklist_dirs:
        for path in template_files(folder):
            catalog.add(load_template_file(path, catalog.registry))
    return catalog


def load_shipped_catalog(extra_dirs: Iterable[Path] = ()) -> Catalog:
    """Load the templates that ship with ddcheck (plus any extra folders, e.g. imported ones)."""
    from ddcheck import paths

    return load_catalog(
        [paths.checklists_dir(), *extra_dirs],
        paths.resources_dir() / "sources.yaml",
        paths.seeds_dir() / "expectations.yaml",
    )

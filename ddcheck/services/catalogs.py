"""The templates a workspace works with: the shipped catalog plus the workspace's own."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Template


class CatalogLike(Protocol):
    """What the workspace needs from a catalog: templates by id and the source registry."""

    @property
    def templates(self) -> Mapping[str, Template]: ...

    @property
    def registry(self) -> SourceRegistry: ...


@dataclass(frozen=True)
class SimpleCatalog:
    """A catalog built from given templates (tests, and before the shipped one loads)."""

    templates: Mapping[str, Template] = field(default_factory=dict)
    registry: SourceRegistry = field(default_factory=SourceRegistry)

    @classmethod
    def of(
        cls, templates: Iterable[Template], registry: SourceRegistry | None = None
    ) -> SimpleCatalog:
        """Return a catalog of `templates`."""
        return cls({t.id: t for t in templates}, registry or SourceRegistry())

    def get(self, template_id: str) -> Template | None:
        """Return the template with `template_id`, or None."""
        return self.templates.get(template_id)


def default_catalog() -> CatalogLike:
    """Return the shipped catalog."""
    from ddcheck.catalog import load_shipped_catalog

    return load_shipped_catalog()


def merged_templates(catalog: CatalogLike, own: Iterable[Template]) -> dict[str, Template]:
    """Return the catalog's templates, with workspace templates added or newer ones winning."""
    merged = dict(catalog.templates)
    for template in own:
        current = merged.get(template.id)
        if current is None or template.version > current.version:
            merged[template.id] = template
    return merged


def signature(templates: Mapping[str, Template]) -> str:
    """Return a short hash of which template versions are available."""
    text = ";".join(f"{tid}:{t.version}" for tid, t in sorted(templates.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]

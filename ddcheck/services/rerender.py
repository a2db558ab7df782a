"""Render a report again from the dossier embedded in it, exactly as its export did.

The export is deterministic given the embedded data: language, audience, the moment and time
zone of the export (`generated_at` carries the exporter's UTC offset), the fingerprint of the
data and the app version all come from the document; templates and sources come from the
catalog, by id and version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ddcheck import __version__
from ddcheck.domain.confidentiality import confidential_keys
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Template

if TYPE_CHECKING:
    from ddcheck.domain.redaction import Redaction
    from ddcheck.exchange.received_document import DossierDocument
    from ddcheck.exchange.verify import Renderer

TemplateLookup = Callable[[str, int], Template | None]


def lookup_in(*sources: Mapping[str, Template] | object) -> TemplateLookup:
    """Return a lookup by (id, version) over template dicts and catalogs (with `versions`)."""

    def find(template_id: str, version: int) -> Template | None:
        for source in sources:
            if isinstance(source, Mapping):
                found = source.get(template_id)
                if found is not None and found.version == version:
                    return found
                continue
            versions = getattr(source, "versions", None)  # a Catalog: every version it knows
            if isinstance(versions, Mapping):
                found = versions.get((template_id, version))
                if isinstance(found, Template):
                    return found
        return None

    return find


def embedded_redaction(
    model: DossierDocument, lookup: TemplateLookup, registry: SourceRegistry
) -> Redaction:
    """Return the redaction the report was rendered from; raise CannotRender when it cannot be."""
    from ddcheck.domain.redaction import Redaction
    from ddcheck.exchange.verify import CannotRender

    if model.app_version != __version__:
        raise CannotRender(f"made by ddcheck {model.app_version}")
    templates: dict[str, Template] = {}
    for use in model.dossier.templates:
        template = lookup(use.id, use.version)
        if template is None:
            raise CannotRender(f"checklist {use.id} version {use.version} is not available here")
        templates[use.id] = template
    dossier = model.dossier
    snapshot = DossierSnapshot(
        dossier=dossier,
        templates=templates,
        registry=registry,
        generated_at=model.generated_at,
        app_version=model.app_version,
    )
    withheld = frozenset(model.withheld.items)
    return Redaction(model.audience, snapshot, confidential_keys(dossier), withheld)


def renderer(lookup: TemplateLookup, registry: SourceRegistry) -> Renderer:
    """Return the function `verify` calls to render a document's report again (PDF bytes)."""

    def render(model: DossierDocument, data: bytes) -> bytes:
        from ddcheck.exchange.dossier_json import ATTACHMENT_NAME, fingerprint
        from ddcheck.exchange.pdf_attachment import info_entries
        from ddcheck.report.attachment import Attachment
        from ddcheck.report.builder import render_pdf

        redaction = embedded_redaction(model, lookup, registry)
        digest = fingerprint(data)
        return render_pdf(
            redaction,
            lang=model.lang,
            fingerprint=digest,
            attachment=Attachment(ATTACHMENT_NAME, data, info=info_entries(digest)),
        ).pdf

    return render


def shipped_renderer() -> Renderer:
    """Return a renderer over the checklists and sources that ship with ddcheck."""
    from ddcheck.catalog import load_shipped_catalog

    catalog = load_shipped_catalog()
    return renderer(lookup_in(catalog), catalog.registry)

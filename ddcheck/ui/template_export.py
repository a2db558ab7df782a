"""File → Export checklist…: save a checklist of the catalog as YAML to hand to companies."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from ddcheck.ui import i18n
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.exporting import ask_save_path, safe_name
from ddcheck.ui.i18n import tr

log = logging.getLogger(__name__)


def template_choices(workspace: Any) -> list[tuple[str, str]]:
    """Return (template id, label) for every checklist in the catalog, shipped and imported."""
    imported = {p.name for p in workspace.imported_template_files()}
    lang = i18n.language()
    rows = []
    for template in sorted(workspace.templates.values(), key=lambda t: t.id):
        label = f"{template.id} v{template.version}"
        if f"{template.id}-v{template.version}.yaml" in imported:
            label += " " + tr("(imported)")
        label += f" — {template.title.get(lang)}"
        rows.append((template.id, label))
    return rows


def export_checklist(ctx: AppContext, parent: QWidget) -> Path | None:
    """Ask which checklist and where; write it as YAML others can import; return the file."""
    workspace = ctx.workspace
    if workspace is None:
        return None
    choices = template_choices(workspace)
    if not choices:
        return None
    index = ctx.prompts.choose(
        parent,
        tr("Export checklist"),
        tr("Choose the checklist to save as a file that others can import:"),
        [label for _, label in choices],
    )
    if index is None:
        return None
    template = workspace.templates[choices[index][0]]
    suggested = Path.home() / f"{safe_name(template.id, 'checklist')}-v{template.version}.yaml"
    path = ask_save_path(
        ctx, parent, tr("Export checklist"), suggested, tr("Checklists (*.yaml *.yml)")
    )
    if path is None:
        return None
    try:
        written = Path(workspace.export_template(template.id, path))
    except Exception as error:
        log.info("template export to %s failed: %s", path, error)
        ctx.prompts.error(parent, tr("Export checklist"), error_text(error, i18n.language()))
        return None
    ctx.prompts.inform(
        parent,
        tr("Export checklist"),
        tr(
            "“{title}” version {version} was saved as {name}. "
            "Others can add it to their ddcheck with File → Import.",
            title=template.title.get(i18n.language()),
            version=template.version,
            name=written.name,
        ),
    )
    return written

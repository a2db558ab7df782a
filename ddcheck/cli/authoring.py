"""`ddcheck templates import` and `export`: checklists and briefings advisers write and share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ddcheck.cli.errors import UserError, cannot_write, said
from ddcheck.cli.exchange import workspace
from ddcheck.cli.workspace import check_output
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.paths import data_paths
from ddcheck.services.authoring import TEMPLATES_FOLDER


def imported_dirs(args: argparse.Namespace | None) -> list[Path]:
    """Return the workspace's folder of imported templates, when it exists."""
    folder = data_paths(getattr(args, "data_dir", None)).root / TEMPLATES_FOLDER
    return [folder] if folder.is_dir() else []


def register_authoring(commands: argparse._SubParsersAction) -> None:
    """Add `templates import` and `templates export`."""
    imp = commands.add_parser(
        "import", help="validate a template file and add it to the workspace (newer replaces)"
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="a checklist template (.yaml)")
    imp.add_argument(
        "--replace-built-in",
        action="store_true",
        help="allow the file to replace a checklist built into ddcheck with the same id "
        "(undo with 'templates revert ID')",
    )
    imp.set_defaults(func=import_template)
    revert = commands.add_parser(
        "revert", help="put a built-in checklist back after an import replaced it"
    )
    revert.add_argument("template_id", metavar="ID", help="id of the built-in checklist")
    revert.set_defaults(func=revert_template)
    export = commands.add_parser("export", help="write a template as YAML to share")
    export.add_argument("template_id", metavar="ID", help="template id (see 'templates list')")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.yaml")
    export.set_defaults(func=export_template)


def import_template(args: argparse.Namespace) -> int:
    """Import one template; print every problem with its line when it is refused."""
    from ddcheck.services import WorkspaceError
    from ddcheck.services.received_model import ImportRefused

    with workspace(args) as ws:
        try:
            result = ws.import_template(args.file, replace_built_in=args.replace_built_in)
        except ImportRefused as error:
            if len(error.problems) <= 1:
                raise UserError(error) from error
            for problem in error.problems:
                print(problem, file=sys.stderr)
            raise said(
                catalog_entry("cli", "{file} was not imported: see the problems above"),
                file=Path(args.file).name,
            ) from error
        except WorkspaceError as error:
            raise UserError(error) from error
    t = result.template
    if result.status == "unchanged":
        print(f"{t.id} v{t.version} is already in the workspace; nothing changed")
    else:
        replaced = f", replacing v{result.replaced_version}" if result.replaced_version else ""
        moved = sum(len(c.changes) for c in result.changes)
        print(f"imported {t.id} v{t.version} ({t.item_count} items){replaced}")
        if result.changes:
            print(f"  {len(result.changes)} dossier(s) moved to it; {moved} change(s) recorded")
    return 0


def revert_template(args: argparse.Namespace) -> int:
    """Remove the imported versions of a built-in checklist; dossiers move back to it."""
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            changes = ws.revert_template(args.template_id)
        except WorkspaceError as error:
            raise UserError(error) from error
        template = ws.templates[args.template_id]
    print(f"{template.id} is the built-in v{template.version} again ({template.item_count} items)")
    if changes:
        print(f"  {len(changes)} dossier(s) moved back to it; answers kept")
    return 0


def export_template(args: argparse.Namespace) -> int:
    """Write a template file."""
    from ddcheck.services import WorkspaceError

    check_output(args.output)
    with workspace(args) as ws:
        try:
            path = ws.export_template(args.template_id, args.output)
        except WorkspaceError as error:
            raise UserError(error) from error
        except OSError as error:
            raise cannot_write(args.output, error) from error
    print(f"wrote {path}")
    return 0

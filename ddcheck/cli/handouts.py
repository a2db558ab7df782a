"""`ddcheck handout` (sections as a fill-in workbook) and importing the returned workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.cli.errors import UserError, cannot_write, said
from ddcheck.domain.vocabulary import catalog_entry

if TYPE_CHECKING:
    from ddcheck.services import Workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `handout` command."""
    handout = subparsers.add_parser(
        "handout", help="write sections as a fill-in workbook (.xlsx) for a colleague"
    )
    handout.add_argument("dossier", metavar="DOSSIER", help="dossier id, or its first characters")
    handout.add_argument(
        "--section",
        action="append",
        required=True,
        metavar="ID",
        help="section id or template/section (repeat for more)",
    )
    handout.add_argument("--to", required=True, metavar="NAME", help="the colleague's name")
    handout.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    handout.add_argument("--lang", choices=("nl", "en"), default=None)
    handout.set_defaults(func=handout_command)


def handout_command(args: argparse.Namespace) -> int:
    """Write the hand-out workbook."""
    from ddcheck.cli.workspace import check_output, opened
    from ddcheck.services.errors import InvalidInput

    check_output(args.output)
    if args.output.suffix.lower() != ".xlsx":
        raise said(
            catalog_entry("cli", "a hand-out is an .xlsx workbook; name it like {name}.xlsx"),
            name=args.output.stem,
        )
    with opened(args) as ws:
        dossier_id = ws.resolve_dossier(args.dossier)
        try:
            count = ws.write_handout(
                dossier_id, args.output, to=args.to, sections=args.section, lang=args.lang
            )
        except InvalidInput as error:
            raise UserError(error) from error
        except OSError as error:
            raise cannot_write(args.output, error) from error
    print(f"wrote {args.output} ({count} questions for {args.to})")
    return 0


def _shown(value: Any) -> str:
    text = "(empty)" if value in (None, "", []) else repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def import_handout(ws: Workspace, path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Show what a returned hand-out changes, then merge it; conflicts only with --take-theirs."""
    from ddcheck.exchange.handout import HandoutRefused

    try:
        plan = ws.plan_handout_import(path)
    except HandoutRefused as error:
        raise said(
            catalog_entry("cli", "{name} was not imported, nothing changed: {reason}"),
            name=path.name,
            reason=error,
        ) from error
    take = bool(getattr(args, "take_theirs", False))
    dry = bool(getattr(args, "dry_run", False))
    out = sys.stdout if not args.json else sys.stderr
    who = plan.colleague or "a colleague"
    print(f"{path.name}: hand-out filled in by {who}, {len(plan.changes)} change(s)", file=out)
    for change in plan.changes:
        head = f"  {change.key} {change.field}: "
        if change.conflict:
            mark = "taken (--take-theirs)" if take else "CONFLICT, skipped"
            print(
                f"{head}{mark}; changed in ddcheck since the hand-out: "
                f"ddcheck {_shown(change.ours)}, {who} {_shown(change.theirs)}",
                file=out,
            )
        else:
            print(f"{head}{_shown(change.ours)} → {_shown(change.theirs)}", file=out)
    applied = [] if dry else ws.apply_handout(plan, take_theirs=take)
    skipped = len(plan.changes) - len(applied) if not dry else 0
    if dry:
        print("  dry run: nothing saved", file=out)
    elif skipped:
        print(
            f"  {skipped} conflict(s) skipped; add --take-theirs to take the colleague's", file=out
        )
    return {
        "path": str(path),
        "status": "dry-run" if dry else "merged",
        "dossier": plan.dossier_id,
        "colleague": plan.colleague,
        "applied": len(applied),
        "conflicts": [
            {"key": c.key, "field": c.field, "ours": c.ours, "theirs": c.theirs}
            for c in plan.conflicts
        ],
    }

"""`ddcheck sync FOLDER`: share a mission folder with colleagues."""

from __future__ import annotations

import argparse
from pathlib import Path

from ddcheck.cli.conflicts import conflict_lines, conflicts_json
from ddcheck.cli.errors import UserError
from ddcheck.cli.exchange import print_json, workspace
from ddcheck.cli.terminal import line


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `sync` command."""
    sync = subparsers.add_parser(
        "sync",
        help="import what is new in a shared mission folder and write your review changes there",
    )
    sync.add_argument("folder", type=Path, metavar="FOLDER", help="the shared mission folder")
    sync.add_argument("--json", action="store_true", help="print JSON for scripts")
    sync.set_defaults(func=sync_command)


def sync_command(args: argparse.Namespace) -> int:
    """Sync with the folder and say what happened, one line per file."""
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            report = ws.sync_folder(args.folder)
        except WorkspaceError as error:
            raise UserError(error) from error
    conflicts = list(report.conflicts)
    if args.json:
        print_json(
            {
                "folder": str(report.folder),
                "files": [
                    {"name": f.name, "outcome": f.outcome, "message": f.message}
                    for f in report.files
                ],
                "seen_before": report.seen_before,
                "merged_fields": report.merged_fields,
                "conflicts": conflicts_json(conflicts),
            }
        )
        return 0
    for outcome in report.files:
        print(f"{outcome.outcome}: {line(outcome.name)} — {line(outcome.message)}")
    if report.nothing_new:
        print(f"nothing new in {line(report.folder)} ({report.seen_before} file(s) synced before)")
    elif report.merged_fields:
        print(f"{report.merged_fields} review field(s) taken from colleagues")
    for text in conflict_lines(conflicts):
        print(text)
    if conflicts:
        print("choose in the app, or change the field yourself (your change resolves it)")
    return 0

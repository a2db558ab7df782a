"""`ddcheck travel prepare|return`: leave chosen things at home during a trip, then restore them."""

from __future__ import annotations

import argparse
from pathlib import Path

from ddcheck.cli.workspace import check_output, opened, split_list


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `travel` command and its subcommands."""
    travel = subparsers.add_parser(
        "travel", help="leave confidential items, evidence or dossiers at home during a trip"
    )
    actions = travel.add_subparsers(dest="travel_command", metavar="ACTION", required=True)
    prepare = actions.add_parser(
        "prepare",
        help="move what you leave behind into an encrypted travel archive (keep it elsewhere)",
    )
    prepare.add_argument(
        "--leave",
        default="confidential,evidence",
        metavar="WHAT",
        help="comma-separated: confidential, evidence and/or dossier ids "
        "(default: confidential,evidence)",
    )
    prepare.add_argument(
        "-o", "--output", required=True, type=Path, help="the travel archive to write"
    )
    prepare.add_argument(
        "--dry-run", action="store_true", help="only show what would stay on the laptop"
    )
    prepare.set_defaults(func=prepare_command)
    back = actions.add_parser("return", help="back home: put back what the travel archive holds")
    back.add_argument("archive", metavar="FILE", type=Path, help="the travel archive")
    back.set_defaults(func=return_command)


def prepare_command(args: argparse.Namespace) -> int:
    """Prepare the workspace for travel."""
    check_output(args.output)
    leave = split_list(args.leave)
    with opened(args) as ws:
        plan = ws.travel_plan(leave)
        for line in plan.lines():
            print(line)
        if args.dry_run:
            return 0
        report = ws.prepare_travel(leave, args.output)
    print(f"Travel archive: {report.archive}")
    print(
        "Keep it off this laptop (a USB stick, the company drive). Back home, run "
        f"'ddcheck travel return {report.archive}'."
    )
    return 0


def return_command(args: argparse.Namespace) -> int:
    """Put back what was left at home."""
    with opened(args) as ws:
        report = ws.return_from_travel(args.archive)
    print(f"Back home: everything from {report.archive.name} is in the workspace again.")
    for key in report.kept_answers:
        print(f"  {key}: answered during the trip; that answer was kept.")
    return 0

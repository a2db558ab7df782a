"""`ddcheck mission`: define a mission, list missions, export a mission pack, attach dossiers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.cli.errors import UserError
from ddcheck.cli.terminal import line
from ddcheck.cli.workspace import check_output, json_flag, opened, print_json, split_list

if TYPE_CHECKING:
    from ddcheck.domain.mission import MissionDefinition


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `mission` command and its subcommands."""
    mission = subparsers.add_parser(
        "mission", help="missions with a stable id: define, list, export a .ddmission pack"
    )
    commands = mission.add_subparsers(dest="mission_command", metavar="SUBCOMMAND", required=True)
    new = commands.add_parser("new", help="define a mission and print its id")
    new.add_argument("--name", required=True, help="the mission's name (Dutch)")
    new.add_argument("--name-en", default="", metavar="NAME", help="its English name")
    new.add_argument(
        "--destinations", required=True, help="country codes, comma-separated (e.g. SA,AE)"
    )
    new.add_argument("--start", required=True, type=date_arg, help="first day, YYYY-MM-DD")
    new.add_argument("--end", required=True, type=date_arg, help="last day, YYYY-MM-DD")
    new.add_argument("--deadline", type=date_arg, help="submission deadline, YYYY-MM-DD")
    new.add_argument("--organiser", default="", metavar="TEXT")
    new.add_argument("--contact", default="", metavar="TEXT", help="the adviser's contact")
    new.add_argument(
        "--checklist",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="checklists or briefings the mission asks for (their current versions)",
    )
    new.add_argument(
        "--participants",
        type=Path,
        metavar="FILE.csv",
        help="expected participants: company name and KvK number a line",
    )
    json_flag(new)
    new.set_defaults(func=mission_new)

    listing = commands.add_parser("list", help="list the missions of this workspace")
    json_flag(listing)
    listing.set_defaults(func=mission_list)


def date_arg(text: str) -> dt.date:
    """Return a YYYY-MM-DD argument as a date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from error


def mission_json(mission: MissionDefinition) -> dict[str, Any]:
    """Return a mission as plain JSON data."""
    return mission.model_dump(mode="json")


def mission_new(args: argparse.Namespace) -> int:
    """Define a mission and print its id (or, with --json, the whole mission)."""
    from ddcheck.services import WorkspaceError
    from ddcheck.services.missions import ParticipantsRefused, read_participants

    participants = []
    if args.participants is not None:
        try:
            participants = read_participants(args.participants)
        except ParticipantsRefused as error:
            for problem in error.problems[1:20]:
                print(f"  {line(problem)}", file=sys.stderr)
            raise UserError(str(error)) from error
    with opened(args) as ws:
        try:
            mission = ws.create_mission(
                args.name,
                name_en=args.name_en,
                destinations=split_list(args.destinations),
                start=args.start,
                end=args.end,
                deadline=args.deadline,
                organiser=args.organiser,
                contact=args.contact,
                checklists=args.checklist,
                participants=participants,
            )
        except WorkspaceError as error:
            raise UserError(str(error)) from error
    if args.json:
        print_json(mission_json(mission))
    else:
        print(mission.id)
    return 0


def mission_list(args: argparse.Namespace) -> int:
    """Print the missions: id, dates, destinations, name, participants."""
    with opened(args) as ws:
        missions = ws.list_missions()
    if args.json:
        print_json([mission_json(m) for m in missions])
        return 0
    if not missions:
        print("No missions yet. Define one with 'ddcheck mission new' or import a .ddmission pack.")
        return 0
    for m in missions:
        deadline = f", deadline {m.deadline}" if m.deadline else ""
        print(
            f"{m.id}  {m.start} – {m.end}  {','.join(m.destinations)}  {line(m.name.nl)}"
            f"  ({len(m.participants)} participant(s){deadline})"
        )
    return 0


__all__ = ["check_output", "date_arg", "register"]

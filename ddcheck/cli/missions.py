"""`ddcheck mission`: define a mission, list missions, export a mission pack, attach dossiers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.cli.errors import UserError, cannot_write
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

    export = commands.add_parser("export", help="write the mission pack for the companies")
    export.add_argument("mission", metavar="MISSION", help="mission id, or its first characters")
    export.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE.ddmission", help="the pack"
    )
    export.set_defaults(func=mission_export)

    attach = commands.add_parser(
        "attach", help="attach a received dossier (without mission id) to a mission"
    )
    attach.add_argument("mission", metavar="MISSION", help="mission id, or its first characters")
    attach.add_argument("received", metavar="DOSSIER", help="received id or company dossier id")
    attach.set_defaults(func=mission_attach)


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
            raise UserError(error) from error
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
            raise UserError(error) from error
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


def mission_export(args: argparse.Namespace) -> int:
    """Write a mission's `.ddmission` pack."""
    from ddcheck.services import WorkspaceError

    check_output(args.output)
    with opened(args) as ws:
        try:
            mission_id = ws.resolve_mission(args.mission)
            path = ws.export_mission_pack(mission_id, args.output)
            mission = ws.get_mission(mission_id)
        except WorkspaceError as error:
            raise UserError(error) from error
        except OSError as error:
            raise cannot_write(args.output, error) from error
    names = ", ".join(f"{c.id} v{c.version}" for c in mission.checklists) or "none"
    print(f"wrote {path} ({line(mission.name.nl)}; checklists: {names})")
    return 0


def mission_attach(args: argparse.Namespace) -> int:
    """Attach a received dossier to a mission, confirmed by the adviser."""
    from ddcheck.services import WorkspaceError

    with opened(args) as ws:
        try:
            mission_id = ws.resolve_mission(args.mission)
            received_id = ws.resolve_received(args.received)
            ws.attach_received(mission_id, received_id)
            mission = ws.get_mission(mission_id)
        except WorkspaceError as error:
            raise UserError(error) from error
    print(f"attached received dossier {received_id} to {line(mission.name.nl)} ({mission_id})")
    return 0


def describe_pack_import(result: Any) -> list[str]:
    """Return the lines that say what importing a mission pack did, and how to start."""
    mission = result.mission
    what = {"new": "stored", "updated": "updated", "unchanged": "already known"}[result.status]
    mark = {"unsigned": "  [unsigned]", "other_key": "  [SIGNED WITH ANOTHER KEY]"}
    lines = [
        f"{line(result.path.name)}: mission {line(mission.name.nl)} ({mission.id}) {what}; "
        f"{','.join(mission.destinations)}, {mission.start} – {mission.end}"
        + (f", deadline {mission.deadline}" if mission.deadline else "")
        + mark.get(result.signature, "")
    ]
    lines += [f"  note: {line(warning)}" for warning in result.warnings]
    if result.signature == "other_key" and result.signer:
        from ddcheck.cli.trust_hint import trust_hint

        lines.append(trust_hint("mission", mission.id, result.signer))
    for template_id, version, old in result.upgraded:
        was = f" (was v{old})" if old is not None else " (new)"
        lines.append(f"  checklist {template_id} v{version}{was}")
    for template_id, version, newer in result.kept:
        lines.append(
            f"  checklist {template_id}: v{newer} here is newer than v{version} in the pack"
        )
    if result.changes:
        lines.append(
            f"  {result.dossiers_upgraded} dossier(s) moved to the newer checklists; "
            f"{result.answers_to_reconfirm} answer(s) to confirm again, all answers kept"
        )
    return lines


__all__ = ["check_output", "date_arg", "describe_pack_import", "register"]

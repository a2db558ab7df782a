"""`ddcheck new`, `list`, `show` and `demo`: dossiers on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ddcheck.cli.errors import UserError, said
from ddcheck.cli.show import print_dossier, show_json
from ddcheck.cli.terminal import line
from ddcheck.cli.workspace import (
    dossier_arg,
    json_flag,
    opened,
    print_json,
    split_list,
    validation_message,
)
from ddcheck.domain.dossier import ACTIVITIES
from ddcheck.domain.sectors import SECTOR_IDS
from ddcheck.domain.vocabulary import Wording, catalog_entry

if TYPE_CHECKING:
    from ddcheck.domain.dossier import Dossier
    from ddcheck.services import DossierInfo, Workspace


COMPANY_NAME = Wording(catalog_entry("cli", "company name"))
MISSION_NAME = Wording(catalog_entry("cli", "mission name"))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `new`, `list`, `show` and `demo` commands."""
    new = subparsers.add_parser("new", help="create a dossier for a company and a mission")
    new.add_argument("--company", required=True, help="company name")
    new.add_argument("--kvk", default="", help="KvK number (8 digits)")
    new.add_argument(
        "--sector",
        default="",
        choices=("", *SECTOR_IDS),
        metavar="SECTOR",
        help=f"one of: {', '.join(SECTOR_IDS)} (sector modules apply by it)",
    )
    new.add_argument("--size", choices=("micro", "small", "medium", "large"))
    new.add_argument("--mission", help="mission name (required unless --mission-pack)")
    new.add_argument(
        "--mission-pack",
        type=Path,
        metavar="FILE.ddmission",
        help="start from the mission pack RVO sent: mission and checklists filled in",
    )
    new.add_argument("--destinations", help="country codes, comma-separated (e.g. SA,AE)")
    new.add_argument("--activities", help=f"comma-separated: {', '.join(ACTIVITIES)}")
    new.add_argument(
        "--high-risk",
        help="destinations marked as conflict-affected or high-risk areas, comma-separated",
    )
    new.add_argument("--ekv", action="store_true", help="applying for export credit insurance")
    new.add_argument("--start", type=_date, help="mission start, YYYY-MM-DD")
    new.add_argument("--end", type=_date, help="mission end, YYYY-MM-DD")
    new.add_argument("--organiser", default="")
    new.add_argument("--lang", choices=("nl", "en"), default="nl")
    json_flag(new)
    new.set_defaults(func=new_command)

    listing = subparsers.add_parser("list", help="list the dossiers in the workspace")
    listing.add_argument("--trash", action="store_true", help="include dossiers in the trash")
    json_flag(listing)
    listing.set_defaults(func=list_command)

    show = subparsers.add_parser("show", help="show a dossier with every applicable item")
    dossier_arg(show)
    show.add_argument("--lang", choices=("nl", "en"), help="default: the dossier's language")
    json_flag(show)
    show.set_defaults(func=show_command)

    demo = subparsers.add_parser("demo", help="create the demo dossier (or a synthetic one)")
    demo.add_argument("--items", type=_positive, help="synthetic dossier with N answered items")
    demo.add_argument("--lang", choices=("nl", "en"), default="nl")
    json_flag(demo)
    demo.set_defaults(func=demo_command)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from error


def _positive(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 1 to 100000")
    return int(text)


def _company(args: argparse.Namespace) -> Any:
    from ddcheck.domain.dossier import Company

    try:
        return Company(
            name=args.company.strip(),
            kvk_number=args.kvk,
            sector=args.sector,
            size=args.size,
        )
    except ValidationError as error:
        raise UserError(validation_message(error, {"name": COMPANY_NAME})) from error


def _activities(args: argparse.Namespace) -> list[Any]:
    """Return the activities named on the command line (each one of ACTIVITIES)."""
    activities = split_list(args.activities)
    unknown = [a for a in activities if a not in ACTIVITIES]
    if unknown:
        raise said(
            catalog_entry("cli", "Unknown activity {activity}; choose from {known}."),
            activity=unknown[0],
            known=", ".join(ACTIVITIES),
        )
    return activities


def _profile(args: argparse.Namespace) -> tuple[Any, Any]:
    from ddcheck.domain.dossier import Mission

    if not args.mission:
        raise said(
            catalog_entry(
                "cli", "Give the mission's name with --mission, or start from --mission-pack."
            )
        )
    activities = _activities(args)
    company = _company(args)
    try:
        mission = Mission(
            name=args.mission.strip(),
            destinations=split_list(args.destinations),
            high_risk_destinations=split_list(args.high_risk),
            activities=activities,
            export_credit_insurance=args.ekv,
            start=args.start,
            end=args.end,
            organiser=args.organiser,
        )
    except ValidationError as error:
        raise UserError(validation_message(error, {"name": MISSION_NAME})) from error
    return company, mission


def new_command(args: argparse.Namespace) -> int:
    """Create a dossier and print its id and the checklists that apply."""
    if args.mission_pack is not None:
        return _new_from_pack(args)
    company, mission = _profile(args)
    with opened(args) as ws:
        dossier = ws.create_dossier(company, mission, language=args.lang)
        _print_new(ws, dossier, args)
    return 0


def _new_from_pack(args: argparse.Namespace) -> int:
    """Import the pack (all or nothing), then create the dossier with its mission filled in."""
    from ddcheck.cli.missions import describe_pack_import
    from ddcheck.services import WorkspaceError

    given = [o for o in ("mission", "destinations", "start", "end") if getattr(args, o)]
    if given or args.organiser:
        option = "--" + (given[0] if given else "organiser")
        raise said(
            catalog_entry(
                "cli", "{option} comes from the mission pack; leave it out with --mission-pack."
            ),
            option=option,
        )
    company = _company(args)
    activities = _activities(args)
    with opened(args) as ws:
        try:
            result = ws.import_mission_pack(args.mission_pack)
            dossier = ws.create_dossier_for_mission(
                result.mission.id,
                company,
                args.lang,
                activities=activities,
                high_risk_destinations=split_list(args.high_risk),
                export_credit_insurance=args.ekv,
            )
        except WorkspaceError as error:
            raise UserError(error) from error
        except ValidationError as error:
            raise UserError(validation_message(error)) from error
        shown = describe_pack_import(result)[1:] if not args.json else []
        shown += [f"note: {line(w)}" for w in result.warnings] if args.json else []
        for text in shown:  # on stderr: the signature notes too, so --json output stays clean
            print(text, file=sys.stderr)
        kvk = company.kvk_number
        if not kvk or result.mission.participant(kvk) is None:
            print(
                "note: the mission's participant list does not have this KvK number; "
                "check it with the adviser",
                file=sys.stderr,
            )
        _print_new(ws, dossier, args)
    return 0


def _print_new(ws: Workspace, dossier: Dossier, args: argparse.Namespace) -> None:
    """Print a new dossier's id and checklists (or, with --json, the whole dossier)."""
    if args.json:
        print_json(show_json(ws, dossier.id, args.lang))
        return
    print(dossier.id)
    for use in dossier.templates:
        template = ws.templates[use.id]
        print(f"  {use.id} v{use.version}: {line(template.title.get(args.lang))}")


def _info_json(info: DossierInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "title": info.title,
        "company": info.company.model_dump(mode="json"),
        "mission": info.mission.model_dump(mode="json"),
        "destinations": list(info.destinations),
        "language": info.language,
        "updated_at": info.updated_at.isoformat(),
        "progress": {"answered": info.progress.answered, "total": info.progress.total},
        "red_flags": info.red_flags,
        "needs_reconfirmation": info.needs_reconfirmation,
        "trashed_at": info.trashed_at.isoformat() if info.trashed_at else None,
    }


def list_command(args: argparse.Namespace) -> int:
    """Print the dossiers, most recently changed first."""
    with opened(args) as ws:
        infos = ws.list_dossiers(include_trashed=args.trash)
    if args.json:
        print_json([_info_json(info) for info in infos])
        return 0
    if not infos:
        print("No dossiers yet. Create one with 'ddcheck new' or try 'ddcheck demo'.")
        return 0
    print(f"{'ID':16}  {'UPDATED':16}  {'DONE':>9}  {'FLAGS':>5}  TITLE")
    for info in infos:
        done = f"{info.progress.answered}/{info.progress.total}"
        when = info.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        trash = "  [trash]" if info.trashed_at else ""
        places = ",".join(info.destinations)
        title = line(f"{info.title} ({places}){trash}")
        print(f"{info.id:16}  {when:16}  {done:>9}  {info.red_flags:>5}  {title}")
    return 0


def show_command(args: argparse.Namespace) -> int:
    """Print a dossier: profile, progress, and every applicable item with its answer."""
    with opened(args) as ws:
        dossier_id = ws.resolve_dossier(args.dossier)
        if args.json:
            print_json(show_json(ws, dossier_id, args.lang))
        else:
            print_dossier(ws, dossier_id, args.lang)
    return 0


def demo_command(args: argparse.Namespace) -> int:
    """Create the demo dossier, or a synthetic one with --items, and print its id."""
    from ddcheck.services.demo import build_demo, build_synthetic

    with opened(args) as ws:
        if args.items:
            dossier = build_synthetic(ws, args.items, lang=args.lang)
        else:
            dossier = build_demo(ws, lang=args.lang)
        summary = ws.summary(dossier.id)
        if args.json:
            print_json(show_json(ws, dossier.id, args.lang))
            return 0
        print(dossier.id)
        overall = summary.overall
        print(
            f"  {dossier.title}: {overall.answered}/{overall.total} answered, "
            f"{len(summary.red_flags)} red flags, {len(dossier.actions)} actions, "
            f"{len(dossier.evidence)} evidence files"
        )
        print(f"  Next: ddcheck show {dossier.id[:8]}")
    return 0

"""`ddcheck review ID ...`: the adviser's review of a received dossier, and its export."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any, cast

from ddcheck.cli.errors import UserError, cannot_write, said
from ddcheck.cli.exchange import print_json, workspace
from ddcheck.cli.terminal import line
from ddcheck.cli.workspace import check_output
from ddcheck.domain.vocabulary import catalog_entry


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from error


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `review` command and its subcommands."""
    review = subparsers.add_parser("review", help="review a received dossier and export the review")
    review.add_argument("received", metavar="ID", help="received id or company dossier id (start)")
    commands = review.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)

    show = commands.add_parser("show", help="show the review so far")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=show_command)

    assess = commands.add_parser("assess", help="assess one item: accepted, question, insufficient")
    assess.add_argument("item", metavar="ITEM", help="template/item key")
    assess.add_argument(
        "assessment",
        choices=("accepted", "question", "insufficient"),
        help="accepted, question or insufficient",
    )
    assess.add_argument("--comment", default="")
    assess.set_defaults(func=assess_command)

    clear = commands.add_parser("clear", help="remove an item's assessment")
    clear.add_argument("item", metavar="ITEM", help="template/item key")
    clear.set_defaults(func=clear_command)

    verdict = commands.add_parser("verdict", help="give the overall verdict")
    verdict.add_argument(
        "verdict",
        choices=("sufficient", "sufficient_with_actions", "insufficient"),
        help="sufficient, sufficient_with_actions or insufficient",
    )
    verdict.add_argument("--note")
    verdict.add_argument("--reviewer")
    verdict.add_argument("--organisation")
    verdict.set_defaults(func=verdict_command)

    agree = commands.add_parser("agree", help="add an agreed improvement action")
    agree.add_argument("action", metavar="TEXT", help="what the company agreed to do")
    agree.add_argument("--due", type=_date, help="YYYY-MM-DD")
    agree.add_argument("--item", action="append", default=[], help="item key (repeatable)")
    agree.add_argument("--priority", choices=("high", "medium", "low"), default="high")
    agree.add_argument("--owner", default="")
    agree.set_defaults(func=agree_command)

    history = commands.add_parser(
        "history", help="what happened: revisions received and every review change"
    )
    history.add_argument("--limit", type=int, help="only the newest N changes")
    history.add_argument("--json", action="store_true")
    history.set_defaults(func=history_command)

    conflicts = commands.add_parser(
        "conflicts", help="fields colleagues changed differently (shared mission folder)"
    )
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(func=conflicts_command)

    export = commands.add_parser("export", help="write the review: FILE.pdf or FILE.ddreview")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    export.add_argument("--lang", choices=("nl", "en"), default="nl", help="PDF language")
    export.set_defaults(func=export_command)


def _run(args: argparse.Namespace, action) -> object:
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            return action(ws, ws.resolve_received(args.received))
        except WorkspaceError as error:
            raise UserError(error) from error


def show_command(args: argparse.Namespace) -> int:
    """Print the review."""
    review = _run(args, lambda ws, rid: ws.review_of(rid))
    if args.json:
        print_json(review.model_dump(mode="json"))  # type: ignore[attr-defined]
        return 0
    print(f"verdict: {review.verdict or '-'}  {line(review.verdict_note)}")  # type: ignore[attr-defined]
    for item in review.items:  # type: ignore[attr-defined]
        print(f"  {line(item.key)}: {item.assessment}  {line(item.comment)}")
    for action in review.agreed_actions:  # type: ignore[attr-defined]
        print(f"  agreed: {line(action.action)} (due {action.due or '-'}, {action.priority})")
    return 0


def conflicts_command(args: argparse.Namespace) -> int:
    """Print the review's conflicts from the shared mission folder."""
    from ddcheck.cli.conflicts import conflict_lines, conflicts_json

    found = _run(args, lambda ws, rid: ws.sync_conflicts(rid))
    if args.json:
        print_json(conflicts_json(found))  # type: ignore[arg-type]
        return 0
    for text in conflict_lines(found) or ["no conflicts"]:  # type: ignore[arg-type]
        print(text)
    return 0


def history_command(args: argparse.Namespace) -> int:
    """Print the received dossier's history, oldest first."""
    from ddcheck.cli.answers import print_history

    rows = _run(args, lambda ws, rid: ws.review_history(rid, limit=args.limit))
    print_history(rows, as_json=args.json)  # type: ignore[arg-type]
    return 0


def _report(changes: object) -> int:
    print("saved" if changes else "nothing changed")
    return 0


def assess_command(args: argparse.Namespace) -> int:
    """Assess one item (and say so when the company withheld its answer)."""

    def assess(ws: Any, rid: str) -> tuple[object, bool]:
        changes = ws.assess_item(rid, args.item, args.assessment, args.comment)
        return changes, args.item.strip() in ws.get_received(rid).withheld_items

    changes, withheld = cast(tuple[object, bool], _run(args, assess))
    _report(changes)
    if withheld:
        print(
            "note: the company withheld this item's answer as confidential; you are assessing "
            "a question whose answer you have not seen"
        )
    return 0


def clear_command(args: argparse.Namespace) -> int:
    """Remove an assessment."""
    return _report(_run(args, lambda ws, rid: ws.clear_assessment(rid, args.item)))


def verdict_command(args: argparse.Namespace) -> int:
    """Set the verdict."""
    return _report(
        _run(
            args,
            lambda ws, rid: ws.set_verdict(
                rid,
                args.verdict,
                args.note,
                reviewer=args.reviewer,
                organisation=args.organisation,
            ),
        )
    )


def agree_command(args: argparse.Namespace) -> int:
    """Add an agreed action."""
    from ddcheck.domain.dossier import Action
    from ddcheck.domain.ids import new_id

    if not args.action.strip():
        raise said(catalog_entry("cli", "an agreed action needs a text"))
    action = Action(
        id=new_id(),
        action=args.action.strip(),
        due=args.due,
        item_keys=args.item,
        priority=args.priority,
        owner=args.owner,
    )
    return _report(_run(args, lambda ws, rid: ws.add_agreed_action(rid, action)))


def export_command(args: argparse.Namespace) -> int:
    """Write the review as a PDF (suffix .pdf) or as a review file for the company."""
    check_output(args.output)

    def export(ws, rid):
        if args.output.suffix.lower() == ".pdf":
            return ws.export_review_pdf(rid, args.output, args.lang)
        return ws.export_review_file(rid, args.output)

    try:
        result = _run(args, export)
    except OSError as error:
        raise cannot_write(args.output, error) from error
    print(f"wrote {result.path}; sha256 {result.fingerprint}")  # type: ignore[attr-defined]
    return 0

"""`ddcheck answer`, `attach`, `actions` and `history`: filling in a dossier from the shell."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.cli.errors import cannot_write, said
from ddcheck.cli.terminal import line
from ddcheck.cli.workspace import dossier_arg, json_flag, opened, print_json, shorten
from ddcheck.domain.scoring import justification_missing
from ddcheck.domain.vocabulary import catalog_entry

if TYPE_CHECKING:
    from ddcheck.domain.dossier import Dossier
    from ddcheck.services import Workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `answer`, `attach`, `actions` and `history` commands."""
    answer = subparsers.add_parser("answer", help="answer one item (saved at once)")
    dossier_arg(answer)
    answer.add_argument("item", metavar="ITEM", help="template/item, or an item id")
    answer.add_argument(
        "value", metavar="VALUE", nargs="?", help="an option id of the item's scale"
    )
    answer.add_argument("--note", help="note or justification")
    flag = answer.add_mutually_exclusive_group()
    flag.add_argument(
        "--confidential",
        dest="confidential",
        action="store_true",
        default=None,
        help="withhold this item from the adviser's PDF",
    )
    flag.add_argument("--not-confidential", dest="confidential", action="store_false")
    review = answer.add_mutually_exclusive_group()
    review.add_argument(
        "--review", dest="review", action="store_true", default=None, help="mark for review"
    )
    review.add_argument("--no-review", dest="review", action="store_false")
    answer.add_argument("--severity", type=int, choices=range(1, 5), help="risk severity 1–4")
    answer.add_argument("--likelihood", type=int, choices=range(1, 5), help="risk likelihood 1–4")
    answer.add_argument(
        "--involvement", choices=("cause", "contribute", "linked"), help="how you are involved"
    )
    json_flag(answer)
    answer.set_defaults(func=answer_command)

    attach = subparsers.add_parser(
        "attach", help="keep a file as evidence, or record a link or drive path (--link)"
    )
    dossier_arg(attach)
    attach.add_argument(
        "file", metavar="FILE", type=Path, nargs="?", help="the file to keep as evidence"
    )
    attach.add_argument(
        "--link",
        metavar="URL|PATH",
        help="evidence that stays where it is: a web link or a path on the company drive "
        "(ddcheck keeps no copy and never opens or fetches it)",
    )
    attach.add_argument("--item", help="link it to this item (template/item or item id)")
    attach.add_argument("--name", help="name to store it under (default: the file name)")
    attach.add_argument("--dated", type=_day, metavar="YYYY-MM-DD", help="the document's date")
    attach.add_argument(
        "--valid-until", type=_day, metavar="YYYY-MM-DD", help="the last day it is valid"
    )
    json_flag(attach)
    attach.set_defaults(func=attach_command)

    actions = subparsers.add_parser("actions", help="show the action plan")
    dossier_arg(actions)
    actions.add_argument("--propose", action="store_true", help="propose actions for open gaps")
    actions.add_argument("--save", action="store_true", help="with --propose: add them to the plan")
    actions.add_argument(
        "--ics",
        type=Path,
        metavar="FILE.ics",
        help="write the open actions' due dates as a calendar",
    )
    json_flag(actions)
    actions.set_defaults(func=actions_command)

    history = subparsers.add_parser("history", help="show what changed, when and by whom")
    dossier_arg(history)
    history.add_argument("--limit", type=int, help="only the newest N changes")
    json_flag(history)
    history.set_defaults(func=history_command)


def _changes_json(changes: Any) -> dict[str, Any]:
    return {
        "dossier_id": changes.dossier_id,
        "changes": [
            {"entity": c.entity, "id": c.entity_id, "field": c.field, "old": c.old, "new": c.new}
            for c in changes.changes
        ],
    }


def answer_command(args: argparse.Namespace) -> int:
    """Save an answer (value, note, marks, risk) and say what changed."""
    from ddcheck.services.values import option_list

    fields: dict[str, Any] = {}
    if args.value is not None:
        fields["value"] = args.value
    if args.note is not None:
        fields["note"] = args.note
    if args.confidential is not None:
        fields["confidential"] = args.confidential
    if args.review is not None:
        fields["review"] = args.review
    risk = {
        "severity": args.severity,
        "likelihood": args.likelihood,
        "involvement": args.involvement,
    }
    if any(v is not None for v in risk.values()):
        fields["risk"] = risk
    with opened(args) as ws:
        dossier_id = ws.resolve_dossier(args.dossier)
        template, item = ws.find_item(dossier_id, args.item)
        if "risk" in fields:
            current = ws.get_dossier(dossier_id).answer(template.id, item.id)
            base = current.risk.model_dump() if current else {}
            fields["risk"] = {**base, **{k: v for k, v in risk.items() if v is not None}}
        if not fields:
            scale = template.scale_for(item)
            if scale.is_choice:
                raise said(
                    catalog_entry(
                        "cli",
                        "Give a VALUE, --note, --confidential, --review or a risk. Options: "
                        "{options}.",
                    ),
                    options=option_list(scale),
                )
            raise said(
                catalog_entry("cli", "Give a VALUE, --note, --confidential, --review or a risk.")
            )
        changes = ws.answer(dossier_id, template.id, item.id, **fields)
        if args.json:
            print_json(_changes_json(changes))
            return 0
        key = f"{template.id}/{item.id}"
        if not changes:
            print(f"{key}: nothing changed")
        for change in changes.changes:
            old, new = shorten(repr(change.old), 60), shorten(repr(change.new), 60)
            print(f"{key} {change.field}: {old} → {new}")
        answer = ws.get_dossier(dossier_id).answer(template.id, item.id)
        if justification_missing(template.scale_for(item), answer):
            print(
                'note: this answer needs a reason; add one with --note "..." '
                "(until then it blocks the export for the adviser)"
            )
    return 0


def attach_command(args: argparse.Namespace) -> int:
    """Store a file, or record a link or path, as evidence (optionally of an item); print its id."""
    if (args.file is None) == (args.link is None):
        raise said(
            catalog_entry(
                "cli", "give a FILE to keep, or --link URL|PATH for evidence that stays where it is"
            )
        )
    with opened(args) as ws:
        dossier_id = ws.resolve_dossier(args.dossier)
        key = None
        if args.item:
            template, item = ws.find_item(dossier_id, args.item)
            key = f"{template.id}/{item.id}"
        known = {e.id for e in ws.get_dossier(dossier_id).evidence}
        dates = {"dated": args.dated, "valid_until": args.valid_until}
        if args.link is not None:
            evidence = ws.attach_link(dossier_id, args.link, item_key=key, name=args.name, **dates)
        else:
            evidence = ws.attach_evidence(
                dossier_id, args.file, item_key=key, name=args.name, **dates
            )
    reused = evidence.id in known
    if args.json:
        print_json({**evidence.model_dump(mode="json"), "item_key": key, "reused": reused})
        return 0
    if reused:
        same = "same link" if evidence.is_link else "same contents"
        print(f"{line(evidence.name)} is already in the dossier ({same}); not stored again.")
    linked = f", linked to {key}" if key else ""
    if evidence.is_link:
        kind = f"link, kept where it is, not opened{linked}"
    else:
        kind = f"{evidence.size} bytes, {evidence.media_type}{linked}"
    print(f"{evidence.id}  {line(evidence.name)} ({kind})")
    if evidence.is_link:
        print(f"  at {line(evidence.location)}")
    else:
        print(f"  sha256 {evidence.sha256}")
    if evidence.dated or evidence.valid_until:
        print(f"  dated {evidence.dated or '-'}, valid until {evidence.valid_until or '-'}")
    return 0


def _day(text: str) -> dt.date:
    """Parse a YYYY-MM-DD date argument."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2027-03-31") from error


def _write_ics(ws: Workspace, dossier: Dossier, target: Path) -> None:
    """Write the open actions with a due date as an iCalendar file."""
    try:
        ws.export_actions_ics(dossier, target)
    except OSError as error:
        raise cannot_write(target, error) from error
    print(f"wrote {target}", file=sys.stderr)


def actions_command(args: argparse.Namespace) -> int:
    """Print the action plan, or proposals for gaps without an action."""
    from ddcheck.cli.workspace import check_output

    check_output(args.ics)
    with opened(args) as ws:
        dossier_id = ws.resolve_dossier(args.dossier)
        if args.propose:
            actions = ws.propose_actions(dossier_id)
            if args.save:
                with ws.batch():
                    for action in actions:
                        ws.add_action(dossier_id, action)
        else:
            dossier = ws.get_dossier(dossier_id)
            actions = dossier.actions
            if args.ics:
                _write_ics(ws, dossier, args.ics)
    if args.json:
        print_json([a.model_dump(mode="json") for a in actions])
        return 0
    if not actions:
        print("No proposals: every gap has an action." if args.propose else "No actions yet.")
        return 0
    from ddcheck.domain.deadlines import DUE_SOON_DAYS, count_deadlines, deadline

    today = dt.date.today()
    if args.propose:
        state = "added to the plan" if args.save else "not saved; add --save to keep them"
        print(f"{len(actions)} proposed actions ({state}):")
    else:
        counts = count_deadlines(actions, today)
        print(f"{counts.overdue} overdue, {counts.due_soon} due within {DUE_SOON_DAYS} days")
    marks = {"overdue": " OVERDUE", "due_soon": " due soon", None: ""}
    print(f"{'ID':16}  {'STATUS':11}  {'PRIO':6}  {'OWNER':16}  {'DUE':19}  ACTION")
    for a in actions:
        due = (a.due.isoformat() if a.due else "-") + marks[deadline(a, today)]
        owner = shorten(a.owner, 16) or "-"
        what = ("[agreed with adviser] " if a.agreed_with_adviser else "") + a.action
        what = shorten(what, 60)
        print(f"{a.id:16}  {a.status:11}  {a.priority:6}  {owner:16}  {due:19}  {what}")
        for key in a.item_keys:
            print(f"{'':16}  for {key}  {shorten(a.standard_ref, 50)}")
    return 0


def history_command(args: argparse.Namespace) -> int:
    """Print the dossier's change history, oldest first."""
    with opened(args) as ws:
        dossier_id = ws.resolve_dossier(args.dossier)
        rows = ws.history(dossier_id, limit=args.limit)
    print_history(rows, as_json=args.json)
    return 0


def print_history(rows: list, *, as_json: bool) -> None:
    """Print history rows, oldest first: one line each, or a JSON list."""
    if as_json:
        print_json(
            [
                {
                    "at": r.at.isoformat(),
                    "who": r.who,
                    "entity": r.entity,
                    "id": r.entity_id,
                    "field": r.field,
                    "old": r.old,
                    "new": r.new,
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        when = r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        old, new = shorten(repr(r.old), 40), shorten(repr(r.new), 40)
        print(f"{when}  {line(r.who)}  {r.entity} {line(r.entity_id)} {r.field}: {old} → {new}")

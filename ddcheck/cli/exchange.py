"""`ddcheck import`, `received` and `overview`: files that come in, and the mission overview."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.cli.errors import BLOCKED, UserError, cannot_write, said
from ddcheck.cli.terminal import line
from ddcheck.cli.workspace import check_output
from ddcheck.domain.lookalike import lookalike
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.exchange.signing import short_id

if TYPE_CHECKING:
    from ddcheck.domain.overview import MissionOverview
    from ddcheck.services import Workspace
    from ddcheck.services.received_model import ImportResult


@contextlib.contextmanager
def workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """Open the workspace of --data-dir; workspace errors become one-line user errors."""
    from ddcheck.cli.workspace import opened

    with opened(args) as ws:
        yield ws


def print_json(data: Any) -> None:
    """Print JSON (UTF-8, dates as ISO text)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `import`, `received` and `overview` commands."""
    imp = subparsers.add_parser(
        "import", help="import ddcheck PDFs, .ddcheck bundles and .ddreview files"
    )
    imp.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="ddcheck PDF, .ddcheck, .ddreview, or a returned hand-out .xlsx",
    )
    imp.add_argument(
        "--take-theirs",
        action="store_true",
        help="hand-out: take the colleague's answer also where it changed in ddcheck since",
    )
    imp.add_argument("--dry-run", action="store_true", help="hand-out: only show what would change")
    imp.add_argument(
        "--as-own",
        action="store_true",
        help="restore a bundle (exported with --audience internal) as your own dossier",
    )
    imp.add_argument(
        "--accept-internal",
        action="store_true",
        help="receive a company's internal version (with its confidential answers) anyway",
    )
    imp.add_argument("--json", action="store_true", help="print JSON for scripts")
    imp.set_defaults(func=import_command)

    received = subparsers.add_parser("received", help="dossiers received from companies")
    commands = received.add_subparsers(dest="received_command", metavar="SUBCOMMAND", required=True)
    listing = commands.add_parser("list", help="list the received dossiers")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=received_list)
    show = commands.add_parser("show", help="show a received dossier's newest (or a) revision")
    show.add_argument("received", metavar="ID", help="received id or company dossier id (start)")
    show.add_argument("--revision", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=received_show)
    changes = commands.add_parser("changes", help="what changed since the previous revision")
    changes.add_argument("received", metavar="ID", help="received id or company dossier id")
    changes.add_argument("--revision", type=int)
    changes.add_argument("--json", action="store_true")
    changes.set_defaults(func=received_changes)
    delete = commands.add_parser("delete", help="delete a received dossier and its review")
    delete.add_argument("received", metavar="ID", help="received id or company dossier id")
    delete.set_defaults(func=received_delete)
    trust = commands.add_parser(
        "trust",
        help="accept the key the newest revision is signed with (after checking with the company)",
    )
    trust.add_argument("received", metavar="ID", help="received id or company dossier id")
    trust.add_argument("--json", action="store_true")
    trust.set_defaults(func=received_trust)

    overview = subparsers.add_parser(
        "overview", help="all received dossiers of a mission in one table (CSV, PDF, JSON)"
    )
    overview.add_argument(
        "--mission",
        help="mission id (or its start), or name (case and spaces ignored); default all",
    )
    overview.add_argument("--sort", default="company", help="column to sort by")
    overview.add_argument("--desc", action="store_true", help="sort descending")
    overview.add_argument("--filter", default="", help="only companies or missions with this text")
    overview.add_argument(
        "--verdict",
        choices=("sufficient", "sufficient_with_actions", "insufficient", "none"),
        help="only dossiers with this verdict (none: not yet reviewed)",
    )
    overview.add_argument("--red-flags", action="store_true", help="only dossiers with red flags")
    overview.add_argument("--csv", type=Path, metavar="FILE", help="also write CSV")
    overview.add_argument("--pdf", type=Path, metavar="FILE", help="also write a PDF")
    overview.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="also write a workbook (.xlsx, or .ods)"
    )
    overview.add_argument("--lang", choices=("nl", "en"), default="nl", help="PDF language")
    overview.add_argument("--json", action="store_true")
    overview.set_defaults(func=overview_command)


def _describe(result: ImportResult) -> str:
    name = line(result.path.name)
    who = line(f"{result.company} — {result.mission}")
    if result.status == "unchanged":
        return f"{name}: already imported ({who}); nothing changed"
    if result.status == "restored":
        return f"{name}: restored as your own dossier {result.dossier_id} ({who})"
    if result.status == "review_loaded":
        return f"{name}: review loaded into dossier {result.dossier_id} ({who})"
    what = "new received dossier" if result.status == "new" else "new revision of"
    withheld = f", {result.withheld_items} item(s) withheld" if result.withheld_items else ""
    files = f", {result.evidence_files} evidence file(s)" if result.evidence_files else ""
    return (
        f"{name}: {what} {result.received_id} ({who}), revision {result.revision}{withheld}{files}"
    )


def import_command(args: argparse.Namespace) -> int:
    """Import each file on its own (all or nothing per file); exit 2 when any was refused."""
    from ddcheck.services.received_model import ImportRefused, InternalVersionRefused

    results: list[dict[str, Any]] = []
    refused = 0
    with workspace(args) as ws:
        for path in args.files:
            if path.suffix.lower() == ".xlsx":
                from ddcheck.cli.handouts import import_handout

                results.append(import_handout(ws, path, args))
                continue
            if path.suffix.lower() == ".ddmission":
                outcome = _import_pack(ws, path, args)
                refused += outcome is None
                results.append(outcome or {"path": str(path), "status": "refused"})
                continue
            try:
                result = ws.import_file(
                    path, as_own=args.as_own, accept_internal=args.accept_internal
                )
            except ImportRefused as error:
                refused += 1
                hint = ""
                if isinstance(error, InternalVersionRefused):
                    hint = " (--as-own restores your own bundle; --accept-internal receives it)"
                print(f"ddcheck: {line(error)}{hint}", file=sys.stderr)
                for problem in error.problems[:20]:
                    print(f"  {line(problem)}", file=sys.stderr)
                results.append({"path": str(path), "status": "refused", "reason": str(error)})
                continue
            results.append(result.as_json())
            if not args.json:
                print(_describe(result))
                for warning in result.warnings:
                    print(f"  note: {line(warning)}")
                if result.new_key:
                    from ddcheck.cli.trust_hint import trust_hint

                    print(trust_hint("adviser", result.dossier_id, result.new_key))
    if args.json:
        print_json(results)
    return 2 if refused else 0


def _import_pack(ws: Workspace, path: Path, args: argparse.Namespace) -> dict[str, Any] | None:
    """Import a mission pack; print what it did and how to start (None: refused)."""
    from ddcheck.cli.missions import describe_pack_import
    from ddcheck.services.received_model import ImportRefused

    try:
        result = ws.import_mission_pack(path)
    except ImportRefused as error:
        print(f"ddcheck: {line(error)}", file=sys.stderr)
        for problem in error.problems[:20]:
            print(f"  {line(problem)}", file=sys.stderr)
        return None
    if not args.json:
        for text in describe_pack_import(result):
            print(text)
        print(
            f"  Start your dossier: ddcheck new --mission-pack {line(path)} "
            "--company NAME --kvk NUMBER (or open the pack in the app)"
        )
    return {
        "path": str(path),
        "status": result.status,
        "kind": "mission",
        "mission_id": result.mission.id,
        "mission": result.mission.name.nl,
        "upgraded": [{"id": i, "version": v, "was": o} for i, v, o in result.upgraded],
        "dossiers_upgraded": result.dossiers_upgraded,
        "answers_to_reconfirm": result.answers_to_reconfirm,
        "signature": result.signature,
        "signer": result.signer,
        "warnings": [str(w) for w in result.warnings],
    }


SIGNATURE_MARKS = {
    "signed": "",
    "unsigned": "  [unsigned]",
    "other_key": "  [SIGNED WITH ANOTHER KEY]",
}
SIGNATURE_WORDS = {
    "signed": "signed with the key pinned for this company",
    "unsigned": "unsigned (its origin cannot be checked)",
    "other_key": "SIGNED WITH ANOTHER KEY than earlier files from this company",
}


def received_list(args: argparse.Namespace) -> int:
    """List received dossiers: id, company, mission, revision, verdict."""
    with workspace(args) as ws:
        rows = ws.mission_overview().rows
    if args.json:
        print_json([_row_json(r) for r in rows])
        return 0
    if not rows:
        print("no received dossiers; import one with 'ddcheck import FILE'")
    for r in rows:
        similar = lookalike(r.company, (o.company for o in rows if o is not r))
        alike = f"  [looks like: {line(similar)}]" if similar is not None else ""
        print(
            f"{r.received_id}  {line(r.company)} — {line(r.mission)}  "
            f"(rev. {r.revision}, {r.verdict or '-'}){SIGNATURE_MARKS[r.signature]}{alike}"
        )
    return 0


def _received(ws: Workspace, reference: str) -> str:
    from ddcheck.services import WorkspaceError

    try:
        return ws.resolve_received(reference)
    except WorkspaceError as error:
        raise UserError(error) from error


def received_show(args: argparse.Namespace) -> int:
    """Print a received dossier's answers as the company exported them."""
    from ddcheck.cli.conflicts import conflict_lines, conflicts_json
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            received = ws.get_received(_received(ws, args.received), args.revision)
        except WorkspaceError as error:
            raise UserError(error) from error
        row = ws.overview_row(received)
        conflicts = ws.sync_conflicts(received.id)
    d = received.dossier
    if args.json:
        print_json(
            {
                "received_id": received.id,
                "revision": received.revision.number,
                "fingerprint": received.revision.fingerprint,
                "signature": received.revision.signature,
                "signer": received.revision.signer,
                "dossier": d.model_dump(mode="json"),
                "rendered_answers": received.rendered_answers,
                "withheld_items": list(received.withheld_items),
                "review": received.review.model_dump(mode="json") if received.review else None,
                "review_conflicts": conflicts_json(conflicts),
            }
        )
        return 0
    print(f"{line(d.company.name)} — {line(d.mission.name)}  [{received.id}, dossier {line(d.id)}]")
    print(
        f"revision {received.revision.number} of {len(received.revisions)}, exported "
        f"{received.revision.generated_at:%Y-%m-%d %H:%M}, sha256 {received.revision.fingerprint}"
    )
    if received.revision.text_only:
        print(
            "pages not checked: another ddcheck version made this PDF (or a checklist was "
            "missing), so only its text was compared with its data"
        )
    signer = f" (key {short_id(received.revision.signer)})" if received.revision.signer else ""
    print(f"signature: {SIGNATURE_WORDS[received.revision.signature]}{signer}")
    print(
        f"completed {row.completion} %, {row.red_flags} red flag(s), "
        f"{row.open_high_actions} open high-priority action(s), {row.withheld_items} withheld"
    )
    from ddcheck.domain.deadlines import DUE_SOON_DAYS

    print(
        f"actions: {row.overdue_actions} overdue, "
        f"{row.due_soon_actions} due within {DUE_SOON_DAYS} days"
    )
    assessments = {i.key: i for i in (received.review.items if received.review else [])}
    for key, text in received.rendered_answers.items():
        mark = f"  [{assessments[key].assessment}]" if key in assessments else ""
        print(f"  {line(key)}: {line(' '.join(text.split())[:100])}{mark}")
    for key in received.withheld_items:
        print(f"  {line(key)}: (withheld)")
    for text in conflict_lines(conflicts):
        print(text)
    return 0


def received_changes(args: argparse.Namespace) -> int:
    """Print what changed since the previous revision."""
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            diff = ws.changes_since_previous(_received(ws, args.received), args.revision)
        except WorkspaceError as error:
            raise UserError(error) from error
    if args.json:
        print_json(
            [
                {"kind": c.kind, "key": c.key, "what": c.what, "old": c.old, "new": c.new}
                for c in diff.changes
            ]
        )
        return 0
    if diff.old is None:
        print("this is the first revision; there is nothing to compare with")
        return 0
    print(f"revision {diff.old.number} → {diff.new.number}: {len(diff.changes)} change(s)")
    for c in diff.changes:
        detail = "" if c.what in ("added", "removed") else f": {c.old!r} → {c.new!r}"
        print(f"  {c.kind} {line(c.key)} {c.what}{line(detail)}")
    return 0


def received_delete(args: argparse.Namespace) -> int:
    """Delete a received dossier."""
    with workspace(args) as ws:
        received_id = _received(ws, args.received)
        ws.delete_received(received_id)
    print(f"deleted received dossier {received_id}")
    return 0


def received_trust(args: argparse.Namespace) -> int:
    """Pin the key of the newest revision for its company; say what changed."""
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            done = ws.trust_key(_received(ws, args.received))
        except WorkspaceError as error:
            raise UserError(error) from error
    if args.json:
        print_json(
            {
                "received_id": done.received_id,
                "key": done.key_id,
                "name": done.name,
                "replaced": list(done.replaced),
                "unflagged_revisions": done.unflagged,
                "changed": done.changed,
            }
        )
        return 0
    who = f"{line(done.company)} ({done.received_id})"
    if not done.changed:
        print(f"{who}: key {short_id(done.key_id)} is already the trusted key; nothing changed")
        return 0
    was = ", ".join(short_id(k) for k in done.replaced) or "none"
    print(
        f"{who}: key {short_id(done.key_id)} ({line(done.name) or 'name unknown'}) is now trusted "
        f"instead of {was}; {done.unflagged} revision(s) no longer flagged; "
        f"recorded in 'ddcheck review {done.received_id} history'"
    )
    return 0


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "received_id": row.received_id,
        "dossier_id": row.dossier_id,
        "company": row.company,
        "mission": row.mission,
        "revision": row.revision,
        "exported_at": row.exported_at.isoformat(),
        "completion": row.completion,
        "answered": row.answered,
        "total": row.total,
        "red_flags": row.red_flags,
        "open_high_actions": row.open_high_actions,
        "overdue_actions": row.overdue_actions,
        "due_within_14_days": row.due_soon_actions,
        "withheld_items": row.withheld_items,
        "verdict": row.verdict,
        "kvk": row.kvk,
        "mission_id": row.mission_id,
    }


def _mission_id(ws: Workspace, reference: str | None) -> str | None:
    """Return the mission id `reference` names (a defined mission's id or its start), or None."""
    from ddcheck.services import WorkspaceError

    if not reference or len(reference.strip()) < 4:
        return None
    try:
        return ws.resolve_mission(reference)
    except WorkspaceError:
        return None


def _status_json(status: Any) -> dict[str, Any]:
    return {
        "id": status.mission_id,
        "name": status.name,
        "known": status.known,
        "deadline": status.deadline.isoformat() if status.deadline else None,
        "days_to_deadline": status.days_to_deadline,
        "expected": [{"kvk": e.kvk, "company": e.company} for e in status.expected],
        "received": [
            {
                "kvk": r.kvk,
                "company": r.company,
                "received_id": r.received_id,
                "completion": r.completion,
                "red_flags": r.red_flags,
                "open_high_actions": r.open_high_actions,
                "withheld_items": r.withheld_items,
                "verdict": r.verdict,
                "expected": r not in status.unexpected,
            }
            for r in status.received
        ],
        "missing": [{"kvk": e.kvk, "company": e.company} for e in status.missing],
    }


def _print_statuses(statuses: list[Any], proposals: list[Any]) -> None:
    for s in statuses:
        days = ""
        if s.days_to_deadline is not None:
            days = (
                f", {s.days_to_deadline} day(s) to the deadline"
                if s.days_to_deadline >= 0
                else f", deadline passed {-s.days_to_deadline} day(s) ago"
            )
        counts = f"{len(s.received)} received"
        if s.known:
            counts = f"{len(s.expected)} expected, {counts}, {len(s.missing)} missing"
        print(f"mission {line(s.name)} [{s.mission_id[:8]}]: {counts}{days}")
        for r in s.received:
            extra = "" if r not in s.unexpected else "  (not on the list)"
            print(f"  received  {r.kvk or '-':8}  {line(r.company)}  {r.completion}%{extra}")
        for e in s.missing:
            print(f"  missing   {e.kvk:8}  {line(e.company)}")
    for p in proposals:
        print(
            f"proposal: {line(p.company)} (KvK {p.kvk}, {p.received_id}) may belong to "
            f"{line(p.mission)}; confirm with: ddcheck mission attach {p.mission_id[:8]} "
            f"{p.received_id}"
        )


def overview_command(args: argparse.Namespace) -> int:
    """Print (and write) the overview of one mission or of all received dossiers."""
    from ddcheck.services import WorkspaceError

    check_output(args.csv)
    check_output(args.pdf)
    check_output(args.xlsx)
    with workspace(args) as ws:
        try:
            by_id = _mission_id(ws, args.mission)
            filters: dict[str, Any] = {
                "sort": args.sort,
                "descending": args.desc,
                "text": args.filter,
                "verdict": args.verdict,
                "red_flags_only": args.red_flags,
            }
            overview = (
                ws.mission_overview_by_id(by_id, **filters)
                if by_id
                else ws.mission_overview(args.mission, **filters)
            )
            if overview.status is not None:
                statuses = [overview.status]
            else:
                statuses = ws.mission_statuses()
                if args.mission is not None:  # a name: the missions its dossiers name
                    ids = {r.mission_id for r in overview.rows}
                    statuses = [s for s in statuses if s.mission_id in ids]
            proposals = ws.mission_proposals()
            written = []
            if args.csv:
                written.append(ws.export_overview_csv(overview, args.csv))
            if args.pdf:
                written.append(ws.export_overview_pdf(overview, args.pdf, args.lang))
            if args.xlsx:
                written.append(ws.export_overview_workbook(overview, args.xlsx))
        except WorkspaceError as error:
            raise UserError(error) from error
        except OSError as error:
            raise said(
                catalog_entry("cli", "cannot write the overview: {reason}"),
                reason=error.strerror or error,
            ) from error
    if args.json:
        print_json(
            {
                "mission": overview.mission,
                "rows": [_row_json(r) for r in overview.rows],
                "missions": [_status_json(s) for s in statuses],
                "proposals": [p.__dict__ for p in proposals],
            }
        )
    else:
        _print_statuses(statuses, proposals)
        _print_table(overview)
    for path in written:
        print(f"wrote {path}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _print_table(overview: MissionOverview) -> None:
    print(f"mission: {line(overview.mission or 'all')} — {len(overview.rows)} dossier(s)")
    width = max([len(r.company[:40]) for r in overview.rows] + [7])
    print(f"{'COMPANY':<{width}}  DONE  FLAGS  HIGH  OVERDUE  DUE<14D  WITHHELD  VERDICT")
    for r in overview.rows:
        company = line(" ".join(r.company.split())[:40])
        print(
            f"{company:<{width}}  {r.completion:>3}%  {r.red_flags:>5}"
            f"  {r.open_high_actions:>4}  {r.overdue_actions:>7}  {r.due_soon_actions:>7}"
            f"  {r.withheld_items:>8}  {r.verdict or '-'}"
        )


def export_bundle_command(args: argparse.Namespace) -> int:
    """Write a `.ddcheck` bundle of a dossier (the audience chosen; adviser by default)."""
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            dossier_id = ws.resolve_dossier(args.dossier)
            if args.audience == "adviser":
                blockers = ws.gate(dossier_id).blockers
                lang = args.lang or ws.get_dossier(dossier_id).language
                for finding in blockers:
                    print(f"blocker: {finding.text(lang)}", file=sys.stderr)
                if blockers and not args.force:
                    raise said(BLOCKED, count=len(blockers))
            check_output(args.output)
            result = ws.export_bundle(
                dossier_id, args.output, audience=args.audience, lang=args.lang
            )
        except WorkspaceError as error:
            raise UserError(error) from error
        except OSError as error:
            raise cannot_write(args.output, error) from error
    withheld = f", {result.withheld_items} item(s) withheld" if result.withheld_items else ""
    print(
        f"wrote {result.path} ({result.evidence_files} evidence file(s), {result.audience}, "
        f"{result.lang}{withheld}); sha256 {result.fingerprint}"
    )
    return 0

"""`ddcheck export` (the adviser's PDF) and `ddcheck verify` (does a PDF match its data)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ddcheck.cli.errors import BLOCKED, UserError, cannot_write, said
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.exchange.signing import SigningKey, short_id

EXIT_MATCH = 0
EXIT_MISMATCH = 1
EXIT_UNREADABLE = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `export` and `verify` commands."""
    export = subparsers.add_parser("export", help="export a dossier as a PDF for the adviser")
    export.add_argument("dossier", metavar="DOSSIER", help="dossier id")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE.pdf|FILE.xlsx|FILE.ods|FILE.ddcheck",
    )
    export.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=None,
        help="report language (default: the dossier's language)",
    )
    export.add_argument(
        "--audience",
        choices=("adviser", "internal"),
        default="adviser",
        help="adviser (default) withholds confidential items; internal has all",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="export for the adviser even when the export check finds blockers",
    )
    export.set_defaults(func=export_command)

    verify = subparsers.add_parser(
        "verify", help="check that a ddcheck PDF and its embedded data match (exit 0, 1 or 2)"
    )
    verify.add_argument("file", type=Path, metavar="FILE.pdf", help="a PDF exported by ddcheck")
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.set_defaults(func=verify_command)


def load_snapshot(args: argparse.Namespace) -> DossierSnapshot:
    """Return the snapshot of the dossier named on the command line (an id or its prefix)."""
    from ddcheck.cli.workspace import opened
    from ddcheck.services import WorkspaceError

    with opened(args) as workspace:
        try:
            return workspace.snapshot(workspace.resolve_dossier(args.dossier))
        except WorkspaceError as error:
            raise UserError(error) from error


def signing_key(args: argparse.Namespace, name: str) -> SigningKey:
    """Return the workspace's signing key (made on first need, with `name` in its certificate)."""
    from ddcheck.cli.workspace import opened

    with opened(args) as workspace:
        return workspace.signing_key(name)


class _StderrProgress:
    """Prints export progress on stderr once an export takes longer than a moment."""

    def __init__(self, delay: float = 0.7) -> None:
        self._start = time.monotonic()
        self._delay = delay
        self._last = -1
        self._shown = False
        self._tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if time.monotonic() - self._start < self._delay:
            return
        if percent >= 100 and not self._shown:
            return  # finished before it was worth showing
        step = percent if self._tty else percent - percent % 20
        if step == self._last:
            return
        self._last = step
        self._shown = True
        end = "\r" if self._tty else "\n"
        stream = getattr(sys.stderr, "raw", sys.stderr)  # our own \r, past the terminal guard
        print(f"exporting… {step:3d} %", end=end, file=stream, flush=True)

    def finish(self) -> None:
        if self._shown and self._tty:
            print(file=sys.stderr)


def export_command(args: argparse.Namespace) -> int:
    """Write the PDF (or a FILE.ddcheck bundle); refuse blockers for the adviser unless --force."""
    from ddcheck.cli.workspace import check_output

    check_output(args.output)
    if args.output.suffix.lower() == ".ddcheck":
        from ddcheck.cli.exchange import export_bundle_command

        return export_bundle_command(args)
    from ddcheck.domain.gate import export_gate, summarised
    from ddcheck.services.export import export_pdf

    snapshot = load_snapshot(args)
    lang = args.lang or snapshot.dossier.language
    if args.audience == "adviser":
        gate = export_gate(snapshot.dossier, snapshot.templates)
        for line in summarised(gate.warnings, lang):  # the export goes ahead (all in the app)
            print(f"warning: {line}", file=sys.stderr)
        if gate.blockers:
            for finding in gate.blockers:
                print(f"blocker: {finding.text(lang)}", file=sys.stderr)
            if not args.force:
                raise said(BLOCKED, count=len(gate.blockers))
    if args.output.is_dir():
        raise said(
            catalog_entry("cli", "{path} is a folder; give a file name such as dossier.pdf"),
            path=args.output,
        )
    if args.output.suffix.lower() in (".xlsx", ".ods"):
        return _export_workbook(snapshot, args, lang)
    key = signing_key(args, snapshot.dossier.company.name)
    progress = _StderrProgress()
    try:
        result = export_pdf(
            snapshot, args.output, lang=lang, audience=args.audience, progress=progress, key=key
        )
    except OSError as error:
        raise cannot_write(args.output, error) from error
    finally:
        progress.finish()
    withheld = f", {result.withheld_items} item(s) withheld" if result.withheld_items else ""
    print(
        f"wrote {result.path} ({result.pages} pages, {result.audience}, {result.lang}{withheld}); "
        f"sha256 {result.fingerprint}; signed with key {short_id(result.signed_by)}"
    )
    return 0


def _export_workbook(snapshot: DossierSnapshot, args: argparse.Namespace, lang: str) -> int:
    """Write the dossier as a spreadsheet (cover, one sheet per checklist, action plan)."""
    from ddcheck.services.export import export_workbook

    try:
        result = export_workbook(snapshot, args.output, lang=lang, audience=args.audience)  # type: ignore[arg-type]
    except OSError as error:
        raise cannot_write(args.output, error) from error
    withheld = f", {result.withheld_items} item(s) withheld" if result.withheld_items else ""
    print(
        f"wrote {result.path} ({result.sheets} sheets, {result.audience}, {result.lang}{withheld})"
    )
    return 0


def verify_command(args: argparse.Namespace) -> int:
    """Exit 0 when report and data match, 1 when they do not, 2 when not a ddcheck PDF."""
    from ddcheck.exchange.verify import NotADdcheckPdf, PdfTooLarge, verify_pdf
    from ddcheck.services.rerender import shipped_renderer

    if args.file.is_dir():
        raise said(
            catalog_entry("cli", "{path} is a folder; give a PDF exported by ddcheck"),
            path=args.file,
        )
    if not args.file.is_file():
        raise said(catalog_entry("cli", "no such file: {path}"), path=args.file)
    try:
        result = verify_pdf(args.file, shipped_renderer())
    except PdfTooLarge as error:
        raise said(
            catalog_entry("cli", "{path} was not checked: {reason}"), path=args.file, reason=error
        ) from error
    except NotADdcheckPdf as error:
        raise said(
            catalog_entry("cli", "{path} is not a ddcheck report: {reason}"),
            path=args.file,
            reason=error,
        ) from error
    how = "pages" if result.checked == "pages" else f"{result.why_text}; compared text only"
    if args.json:
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    "fingerprint": result.fingerprint,
                    "checked": result.checked,
                    "why_text_only": result.why_text or None,
                    "problems": list(result.problems),
                },
                indent=2,
            )
        )
    elif result.ok and result.checked == "pages":
        print(f"match: every page is what its embedded data renders (sha256 {result.fingerprint})")
    elif result.ok:
        print(
            f"match ({how}): the report text and its embedded data agree "
            f"(sha256 {result.fingerprint})"
        )
    else:
        print(f"MISMATCH ({how}): {args.file} was changed after export", file=sys.stderr)
        for problem in result.problems[:20]:
            print(f"  - {problem}", file=sys.stderr)
        if len(result.problems) > 20:
            print(f"  … and {len(result.problems) - 20} more", file=sys.stderr)
    return EXIT_MATCH if result.ok else EXIT_MISMATCH

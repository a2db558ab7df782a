"""`ddcheck backup`, `restore` and `check`: keeping the workspace file safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from ddcheck.cli.errors import UserError, said
from ddcheck.cli.workspace import json_flag, opened, print_json, workspace_passphrase
from ddcheck.domain.vocabulary import catalog_entry

EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `backup`, `restore` and `check` commands."""
    backup = subparsers.add_parser("backup", help="back up the workspace now (or --list them)")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    json_flag(backup)
    backup.set_defaults(func=backup_command)

    restore = subparsers.add_parser(
        "restore", help="replace the workspace by a backup (default: the newest good one)"
    )
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        nargs="?",
        type=Path,
        help="a backup file or its name in the backups folder (see 'ddcheck backup --list')",
    )
    restore.add_argument(
        "--start-empty",
        action="store_true",
        help="keep the new workspace after a damage; the damaged file moves to damaged/resolved/",
    )
    restore.set_defaults(func=restore_command)

    check = subparsers.add_parser("check", help="check the workspace file (exit 1 on problems)")
    json_flag(check)
    check.set_defaults(func=check_command)


def backup_command(args: argparse.Namespace) -> int:
    """Make a backup now, or list the backups."""
    with opened(args) as ws:
        if args.list:
            backups = ws.list_backups()
            if args.json:
                print_json(
                    [
                        {
                            "path": str(b.path),
                            "kind": b.kind,
                            "made_at": b.made_at.isoformat(),
                            "size": b.size,
                        }
                        for b in backups
                    ]
                )
            for b in [] if args.json else backups:
                when = f"{b.made_at.astimezone():%Y-%m-%d %H:%M:%S}"
                print(f"{when}  {b.kind:13}  {b.size:>10}  {b.path}")
            return 0
        made = ws.backup()
    if args.json:
        print_json({"path": str(made)})
    else:
        print(made)
    return 0


def restore_command(args: argparse.Namespace) -> int:
    """Restore a backup over the workspace; the current state is backed up first."""
    from ddcheck.paths import data_paths
    from ddcheck.services import Workspace, WorkspaceError
    from ddcheck.services.encryption import KeyringKeychain

    if args.start_empty:
        return _dismiss_damage(args)
    backup = args.backup
    if backup is not None and not backup.is_file():
        candidate = data_paths(args.data_dir).backups / backup
        backup = candidate if candidate.is_file() else backup
    try:
        secret = workspace_passphrase(args, args.data_dir)
        used = Workspace.restore(
            args.data_dir, backup, passphrase=secret, keychain=KeyringKeychain()
        )
    except WorkspaceError as error:
        raise UserError(error) from error
    print(f"Restored the workspace from {used}.")
    print("The state before restoring (if it held anything) is kept as a 'pre-restore' backup.")
    return 0


def _dismiss_damage(args: argparse.Namespace) -> int:
    from ddcheck.services import Workspace

    if args.backup is not None:
        raise said(
            catalog_entry("cli", "Give either a backup to restore or --start-empty, not both.")
        )
    moved = Workspace.dismiss_damage(args.data_dir)
    if not moved:
        print("Nothing to dismiss: no damaged workspace file is waiting for a decision.")
        return 0
    print(f"Kept the current workspace; the damaged file stays in {moved[0].parent}.")
    return 0


def check_command(args: argparse.Namespace) -> int:
    """Check integrity, foreign keys and evidence checksums; exit 1 when something is wrong."""
    with opened(args) as ws:
        report = ws.check()
        database = ws.paths.database
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "problems": list(report.problems),
                "counts": report.counts,
                "path": str(database),
            }
        )
    elif report.ok:
        counts = ", ".join(f"{n} {name}" for name, n in report.counts.items())
        print(f"ok: {database} ({report.size_bytes} bytes): {counts}")
    else:
        count = len(report.problems)
        print(f"{count} problem{'' if count == 1 else 's'} in {database}:")
        for problem in report.problems:
            print(f"  {problem}")
        print("Restore a backup with 'ddcheck restore' (see 'ddcheck backup --list').")
    return 0 if report.ok else EXIT_PROBLEMS

"""`ddcheck trust-key`: accept the adviser's new signing key after checking it with them."""

from __future__ import annotations

import argparse

from ddcheck.cli.errors import UserError
from ddcheck.cli.exchange import print_json, workspace
from ddcheck.cli.terminal import line
from ddcheck.exchange.signing import short_id


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `trust-key` command."""
    trust = subparsers.add_parser(
        "trust-key",
        help="accept the adviser's new key for a dossier's reviews or a mission's packs "
        "(after checking it with the adviser)",
    )
    whose = trust.add_mutually_exclusive_group(required=True)
    whose.add_argument("--dossier", metavar="ID", help="the dossier the reviews are about")
    whose.add_argument("--mission", metavar="ID", help="the mission the packs are for")
    trust.add_argument(
        "key",
        metavar="KEY",
        help="the new key as the warning showed it, e.g. '2C79 AFE9 F118 AE3F'",
    )
    trust.add_argument("--json", action="store_true", help="print JSON for scripts")
    trust.set_defaults(func=trust_key_command)


def trust_key_command(args: argparse.Namespace) -> int:
    """Pin the key and say which key replaced which, in one line."""
    from ddcheck.services import WorkspaceError

    with workspace(args) as ws:
        try:
            if args.dossier is not None:
                kind, subject = "adviser", ws.resolve_dossier(args.dossier)
            else:
                kind, subject = "mission", ws.resolve_mission(args.mission)
            done = ws.trust_sender_key(kind, subject, args.key)
        except WorkspaceError as error:
            raise UserError(error) from error
    if args.json:
        print_json(
            {
                "kind": done.kind,
                "subject": done.subject,
                "key": done.key_id,
                "name": done.name,
                "replaced": done.replaced,
                "changed": done.changed,
            }
        )
        return 0
    what = (
        f"reviews of dossier {done.subject}"
        if kind == "adviser"
        else f"packs of mission {done.subject}"
    )
    if not done.changed:
        print(f"{what}: key {short_id(done.key_id)} is already the trusted key; nothing changed")
        return 0
    was = short_id(done.replaced) if done.replaced else "none"
    print(
        f"{what}: key {short_id(done.key_id)} ({line(done.name) or 'name unknown'}) is now trusted "
        f"instead of {was}"
    )
    return 0

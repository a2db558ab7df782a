"""`ddcheck workspace encrypt|decrypt|change-passphrase`: encryption at rest."""

from __future__ import annotations

import argparse

from ddcheck.cli.errors import UserError, said
from ddcheck.cli.secrets import new_passphrase, passphrase, passphrase_file
from ddcheck.domain.vocabulary import catalog_entry


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `workspace` command and its subcommands."""
    workspace = subparsers.add_parser(
        "workspace", help="encrypt or decrypt the workspace, or change its passphrase"
    )
    actions = workspace.add_subparsers(dest="workspace_command", metavar="ACTION", required=True)
    encrypt = actions.add_parser(
        "encrypt",
        help="encrypt the workspace, its backups and its evidence with a passphrase; shows a "
        "recovery key once",
    )
    encrypt.add_argument(
        "--remember",
        action="store_true",
        help="also keep the key in this computer's keychain, so ddcheck opens without asking",
    )
    encrypt.set_defaults(func=encrypt_command)
    decrypt = actions.add_parser("decrypt", help="store the workspace unencrypted again")
    decrypt.set_defaults(func=decrypt_command)
    change = actions.add_parser(
        "change-passphrase", help="choose a new passphrase (the recovery key stays valid)"
    )
    change.add_argument(
        "--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE"
    )
    change.set_defaults(func=change_command)


def _run(call, *args, **kwargs):
    from ddcheck.services import WorkspaceError

    try:
        return call(*args, **kwargs)
    except WorkspaceError as error:
        raise UserError(error) from error


def encrypt_command(args: argparse.Namespace) -> int:
    """Encrypt the workspace and print the recovery key once."""
    from ddcheck.services.encryption import KeyringKeychain, encrypt_workspace, is_encrypted

    if is_encrypted(args.data_dir) or passphrase_file(args) is not None:
        secret = passphrase(args)
    else:
        secret = new_passphrase(args)
    recovery = _run(
        encrypt_workspace,
        args.data_dir,
        secret,
        keychain=KeyringKeychain(),
        remember=args.remember,
    )
    if recovery is None:
        print("Finished encrypting the workspace (an earlier run was interrupted).")
        return 0
    print("The workspace, its backups and its evidence are now encrypted.")
    print()
    print(f"Recovery key: {recovery}")
    print()
    print(
        "Write the recovery key down or print it, and keep it away from this laptop. It opens "
        "the workspace if the passphrase is forgotten. It is shown only this once."
    )
    return 0


def decrypt_command(args: argparse.Namespace) -> int:
    """Decrypt the workspace."""
    from ddcheck.paths import data_paths
    from ddcheck.services.encryption import KeyringKeychain, decrypt_workspace, remembered

    paths = data_paths(args.data_dir)
    if not paths.keys.exists():
        raise said(catalog_entry("cli", "the workspace is not encrypted; nothing to decrypt"))
    secret = None if passphrase_file(args) is None and remembered(paths) else passphrase(args)
    _run(decrypt_workspace, args.data_dir, secret, keychain=KeyringKeychain())
    print("The workspace, its backups and its evidence are stored unencrypted again.")
    return 0


def change_command(args: argparse.Namespace) -> int:
    """Change the passphrase."""
    from ddcheck.services.encryption import change_passphrase

    old = passphrase(args, "Current passphrase (or recovery key): ")
    new = new_passphrase(args)
    _run(change_passphrase, args.data_dir, old, new)
    print("The passphrase is changed; the recovery key still works.")
    return 0

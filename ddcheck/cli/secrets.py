"""Where the command line gets a passphrase: a file, $DDCHECK_PASSPHRASE_FILE, or a prompt."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ddcheck.cli.errors import said
from ddcheck.domain.vocabulary import Entry, Wording, catalog_entry

PASSPHRASE_FILE_ENV = "DDCHECK_PASSPHRASE_FILE"
PASSPHRASE_HELP = (
    f"read the passphrase of an encrypted workspace from FILE (or set ${PASSPHRASE_FILE_ENV}); "
    "without either, ddcheck asks for it in the terminal"
)


PASSPHRASE = catalog_entry("cli", "passphrase")
NEW_PASSPHRASE = catalog_entry("cli", "new passphrase")


def read_secret_file(path: Path, what: Entry = PASSPHRASE) -> str:
    """Return the first line of `path` (without its line end); a clear error when unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise said(
            catalog_entry("cli", "cannot read the {what} file {path}: {reason}"),
            what=Wording(what),
            path=path,
            reason=reason,
        ) from error
    line = text.splitlines()[0] if text else ""
    if not line:
        raise said(
            catalog_entry("cli", "the {what} file {path} is empty"), what=Wording(what), path=path
        )
    return line


def passphrase_file(args: argparse.Namespace) -> Path | None:
    """Return the passphrase file named by --passphrase-file or the environment, if any."""
    given = getattr(args, "passphrase_file", None) or os.environ.get(PASSPHRASE_FILE_ENV)
    return Path(given).expanduser() if given else None


def ask(prompt: str) -> str | None:
    """Ask in the terminal without echo; None when there is no terminal to ask in."""
    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt, stream=sys.stderr)
    except EOFError:
        return None


def passphrase(args: argparse.Namespace, prompt: str = "Workspace passphrase: ") -> str:
    """Return the passphrase from the file, the environment's file, or the terminal."""
    path = passphrase_file(args)
    if path is not None:
        return read_secret_file(path)
    typed = ask(prompt)
    if typed is None:
        raise said(
            catalog_entry(
                "cli",
                "the workspace is encrypted; give its passphrase with --passphrase-file FILE or "
                "${variable} (or run ddcheck in a terminal to be asked)",
            ),
            variable=PASSPHRASE_FILE_ENV,
        )
    return typed


def new_passphrase(args: argparse.Namespace) -> str:
    """Return a new passphrase: from --new-passphrase-file, or typed twice in the terminal."""
    given = getattr(args, "new_passphrase_file", None)
    if given:
        return read_secret_file(Path(given).expanduser(), NEW_PASSPHRASE)
    first = ask("New passphrase (at least 8 characters; a few words are best): ")
    if first is None:
        raise said(catalog_entry("cli", "give the new passphrase with --new-passphrase-file FILE"))
    if ask("The same passphrase again: ") != first:
        raise said(catalog_entry("cli", "the two passphrases differ; nothing was changed"))
    return first

"""What the workspace commands share: opening the workspace, naming dossiers, printing."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ddcheck.cli.errors import UserError, said
from ddcheck.cli.secrets import passphrase, passphrase_file
from ddcheck.domain.vocabulary import Translatable, Wording, catalog_entry

if TYPE_CHECKING:
    from ddcheck.services import Workspace


@contextlib.contextmanager
def opened(args: argparse.Namespace) -> Iterator[Workspace]:
    """Open the workspace named by --data-dir; turn workspace errors into one-line user errors."""
    from ddcheck.services import Workspace, WorkspaceDamaged, WorkspaceError
    from ddcheck.services.encryption import KeyringKeychain

    data_dir = getattr(args, "data_dir", None)
    try:
        secret = workspace_passphrase(args, data_dir)
        with Workspace.open(data_dir, passphrase=secret, keychain=KeyringKeychain()) as workspace:
            lang = getattr(args, "message_lang", "en")
            warn_pending_damage(workspace, lang)
            warn_network_folder(workspace, lang)
            yield workspace
    except WorkspaceDamaged as error:
        if not error.newest_backup:
            raise UserError(error) from error
        raise said(
            catalog_entry("cli", "{damage} Run 'ddcheck restore' to use it."), damage=error
        ) from error
    except WorkspaceError as error:
        raise UserError(error) from error
    except ValidationError as error:
        raise UserError(validation_message(error)) from error


def workspace_passphrase(args: argparse.Namespace, data_dir: str | None) -> str | None:
    """Return the passphrase when the workspace is encrypted (None when plain or remembered)."""
    from ddcheck.paths import data_paths
    from ddcheck.services.encryption import remembered

    paths = data_paths(data_dir)
    if not paths.keys.exists():
        return None
    if passphrase_file(args) is None and remembered(paths):
        return None
    return passphrase(args)


def warn_network_folder(workspace: Workspace, lang: str = "en") -> None:
    """Say on stderr, in one line, when the workspace folder is on a network or synced drive."""
    from ddcheck.services.location import network_reason

    reason = network_reason(workspace.paths.root)
    if reason is not None:
        warning = Wording(
            catalog_entry(
                "cli",
                "warning: the workspace folder {folder} is not a safe place ({reason}): the "
                "workspace file can be damaged there; keep it on this computer and share files "
                "through a mission folder (ddcheck sync)",
            ),
            folder=workspace.paths.root,
            reason=reason,
        )
        print(f"ddcheck: {warning.text(lang)}", file=sys.stderr)


def warn_pending_damage(workspace: Workspace, lang: str = "en") -> None:
    """Say on stderr, on every open, that a damaged workspace file still waits for a decision."""
    pending = workspace.pending_damage()
    if pending is None:
        return
    if pending.backup is not None:
        hint = catalog_entry(
            "cli",
            "warning: {damage} Run 'ddcheck restore' to go back to that backup, or 'ddcheck "
            "restore --start-empty' to keep this workspace.",
        )
    else:
        hint = catalog_entry(
            "cli",
            "warning: {damage} Run 'ddcheck restore --start-empty' to keep this workspace and "
            "stop this warning.",
        )
    print(f"ddcheck: {Wording(hint, damage=pending).text(lang)}", file=sys.stderr)


def validation_message(
    error: ValidationError, labels: dict[str, Translatable] | None = None
) -> Translatable:
    """Return the first problem of a validation error as one plain sentence, in the catalog."""
    first = error.errors()[0]
    field = str(first["loc"][-1]) if first["loc"] else ""
    label: object = (labels or {}).get(field, field.replace("_", " ") or VALUE)
    context = first.get("ctx") or {}
    kind = first["type"]
    if kind == "value_error" and "error" in context:
        cause = context["error"]
        if isinstance(cause, Translatable):
            return cause
        return Wording(catalog_entry("cli", "{problem}."), problem=_sentence(str(cause)))
    if kind == "string_too_short":
        return Wording(catalog_entry("cli", "The {label} cannot be empty."), label=label)
    if kind == "string_too_long":
        return Wording(
            catalog_entry("cli", "The {label} is too long (at most {limit} characters)."),
            label=label,
            limit=context.get("max_length"),
        )
    if kind == "literal_error":
        return Wording(
            catalog_entry("cli", "The {label} must be one of {choices}."),
            label=label,
            choices=context.get("expected"),
        )
    return Wording(
        catalog_entry("cli", "The {label} is not valid: {problem}."),
        label=label,
        problem=_sentence(str(first["msg"])),
    )


VALUE = Wording(catalog_entry("cli", "value"))


def _sentence(text: str) -> str:
    """Return `text` on one line, without the full stop the catalog sentence adds."""
    return " ".join(text.split()).removesuffix(".")


def check_output(path: Path | None) -> None:
    """Refuse an output file whose folder does not exist (never create folders silently)."""
    if path is None:
        return
    if path.is_dir():
        raise said(catalog_entry("cli", "{path} is a folder; give a file name"), path=path)
    folder = path.parent
    if not folder.exists():
        raise said(
            catalog_entry(
                "cli", "the folder {folder} does not exist; create it first or choose another"
            ),
            folder=folder,
        )
    if not folder.is_dir():
        raise said(catalog_entry("cli", "{folder} is not a folder"), folder=folder)


def dossier_arg(parser: argparse.ArgumentParser) -> None:
    """Add the DOSSIER argument (an id or a unique start of one)."""
    parser.add_argument("dossier", metavar="DOSSIER", help="dossier id, or its first characters")


def json_flag(parser: argparse.ArgumentParser) -> None:
    """Add --json."""
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def print_json(data: Any) -> None:
    """Print `data` as indented JSON (UTF-8, dates as ISO text)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def split_list(text: str | None) -> list[str]:
    """Return the comma-separated parts of `text`, stripped, without empty ones."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def shorten(text: str, width: int) -> str:
    """Return `text` on one line, cut to `width` characters with an ellipsis."""
    from ddcheck.cli.terminal import line as safe_line

    one = " ".join(text.split())
    return safe_line(one if len(one) <= width else one[: width - 1] + "…")

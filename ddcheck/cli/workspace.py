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

from ddcheck.cli.errors import UserError
from ddcheck.cli.secrets import passphrase, passphrase_file

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
            warn_pending_damage(workspace)
            warn_network_folder(workspace)
            yield workspace
    except WorkspaceDamaged as error:
        hint = " Run 'ddcheck restore' to use it." if error.newest_backup else ""
        raise UserError(f"{error}{hint}") from error
    except WorkspaceError as error:
        raise UserError(str(error)) from error
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


def warn_network_folder(workspace: Workspace) -> None:
    """Say on stderr, in one line, when the workspace folder is on a network or synced drive."""
    from ddcheck.services.location import network_reason

    reason = network_reason(workspace.paths.root)
    if reason is not None:
        print(
            f"ddcheck: warning: the workspace folder {workspace.paths.root} {reason[3:]}; the "
            "workspace file can be damaged there: keep it on this computer and share files "
            "through a mission folder (ddcheck sync)",
            file=sys.stderr,
        )


def warn_pending_damage(workspace: Workspace) -> None:
    """Say on stderr, on every open, that a damaged workspace file still waits for a decision."""
    pending = workspace.pending_damage()
    if pending is None:
        return
    if pending.backup is not None:
        hint = (
            "Run 'ddcheck restore' to go back to that backup, or 'ddcheck restore --start-empty' "
            "to keep this workspace."
        )
    else:
        hint = "Run 'ddcheck restore --start-empty' to keep this workspace and stop this warning."
    print(f"ddcheck: warning: {pending} {hint}", file=sys.stderr)


def validation_message(error: ValidationError, labels: dict[str, str] | None = None) -> str:
    """Return the first problem of a validation error as one plain sentence."""
    first = error.errors()[0]
    field = str(first["loc"][-1]) if first["loc"] else ""
    label = (labels or {}).get(field, field.replace("_", " ") or "value")
    context = first.get("ctx") or {}
    kind = first["type"]
    if kind == "value_error" and "error" in context:
        text = str(context["error"])
    elif kind == "string_too_short":
        text = f"The {label} cannot be empty"
    elif kind == "string_too_long":
        text = f"The {label} is too long (at most {context.get('max_length')} characters)"
    elif kind == "literal_error":
        text = f"The {label} must be one of {context.get('expected')}"
    else:
        text = f"The {label} is not valid: {first['msg']}"
    text = " ".join(text.split())
    return text if text.endswith(".") else f"{text}."


def check_output(path: Path | None) -> None:
    """Refuse an output file whose folder does not exist (never create folders silently)."""
    if path is None:
        return
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    folder = path.parent
    if not folder.exists():
        raise UserError(f"the folder {folder} does not exist; create it first or choose another")
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder")


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

"""Fuzzing received dossier documents: change any part, import, then every read command.

Each case ends in a one-line refusal that leaves the workspace unchanged, or in an import after
which `received list`, `received show --json`, `overview`, `check` and `list` all still work.
Used by the small default test and by the longer pass under tests/benchmarks/.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ddcheck.cli.main import main
from ddcheck.exchange.dossier_json import canonical_bytes
from tests.services.exchange_helpers import dump
from tests.services.received_files import as_bundle, as_pdf

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["yes", "no", "partly", "mini/policy", "2026-11-23T09:00:00+00:00", ""]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every part of a JSON value (the root is the empty path)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def mutate(document: dict[str, Any], where: tuple[Any, ...], new: Any, delete: bool) -> bytes:
    """Return the document with the part at `where` replaced by `new` (or deleted)."""
    copy = json.loads(json.dumps(document))
    if not where:
        return canonical_bytes(new) if not delete else b""
    parent = copy
    for step in where[:-1]:
        parent = parent[step]
    if delete:
        del parent[where[-1]]
    else:
        parent[where[-1]] = new
    return canonical_bytes(copy)


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    """Run a ddcheck command and return its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(data_dir), *argv])
    return code, out.getvalue(), err.getvalue()


def _strict(token: str) -> None:
    raise AssertionError(f"printed {token}, which is not JSON")


def read_everything(data_dir: Path, received_id: str | None = None) -> None:
    """Run every read command (and show `received_id`); each must succeed."""
    for command in (("received", "list"), ("overview",), ("check",), ("list",)):
        code, out, err = cli(data_dir, *command)
        assert code == 0, (command, out, err)
        assert "Traceback" not in err
    code, out, err = cli(data_dir, "overview", "--json")
    assert code == 0, err
    json.loads(out, parse_constant=_strict)
    if received_id is not None:
        code, out, err = cli(data_dir, "received", "show", received_id, "--json")
        assert code == 0, err
        json.loads(out, parse_constant=_strict)


def attempt(data_dir: Path, folder: Path, name: str, content: bytes) -> str:
    """Import one file; assert refusal-or-import and that every read command still works."""
    path = folder / name
    path.write_bytes(content)
    database = data_dir / "workspace.sqlite"
    if not database.exists():
        assert cli(data_dir, "list")[0] == 0  # an empty workspace to start from
    before = dump(database)
    code, out, err = cli(data_dir, "import", str(path))
    assert "Traceback" not in err
    received_id = None
    if code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"ddcheck: {name} was not imported: "), err
        assert dump(database) == before
        outcome = "refused"
    else:
        assert code == 0, (out, err)
        outcome = "imported"
        for marker in ("new received dossier ", "new revision of "):
            if marker in out:
                received_id = out.split(marker, 1)[1].split()[0]
    read_everything(data_dir, received_id)
    return outcome


def wrapped(data: bytes, as_kind: str) -> bytes:
    """Return `data` as a PDF or a bundle."""
    return as_pdf(data) if as_kind == "pdf" else as_bundle(data)

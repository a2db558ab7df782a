"""Fuzzing checklist files: `ddcheck templates import` of a changed checklist, then read commands.

Each case is refused (exit 2, the last line `ddcheck: NAME was not imported…`, workspace file and
templates folder unchanged) or imported, after which `list`, `templates list`, `show --json`
and `check` all still work in a fresh run (a stored checklist is read again on every open).
Used by the small default test and by the longer pass under tests/benchmarks/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.services.conftest import TEMPLATES
from tests.services.document_fuzz import VALUES, cli, paths
from tests.services.exchange_helpers import dump

BASE = (TEMPLATES / "mini-v2.yaml").read_text(encoding="utf-8")
ITEMS = ("policy", "grievance", "training", "risk-map", "ekv-esap", "remarks", "nope")
KINDS = ("bytes", "tree", "condition", "alias")

_LEAF = st.one_of(
    st.builds(lambda i, o: {"answer": i, "in": o}, st.sampled_from(ITEMS), st.just(["yes"])),
    st.builds(
        lambda f, v: {"profile": f, "equals": v},
        st.sampled_from(["export_credit_insurance", "destinations", "sector", "x"]),
        st.one_of(st.booleans(), st.text(max_size=5)),
    ),
)
CONDITIONS = st.recursive(
    _LEAF,
    lambda inner: st.one_of(
        st.builds(lambda c: {"not": c}, inner),
        st.builds(lambda cs: {"all": cs}, st.lists(inner, max_size=3)),
        st.builds(lambda cs: {"any": cs}, st.lists(inner, max_size=3)),
    ),
    max_leaves=8,
)


def setup(data_dir: Path) -> str:
    """Make a workspace holding mini v1 and a dossier that uses it; return the dossier id."""
    code, _, err = cli(data_dir, "templates", "import", str(TEMPLATES / "mini-v1.yaml"))
    assert code == 0, err
    code, out, err = cli(
        data_dir, "new", "--company", "Fuzz BV", "--mission", "M", "--destinations", "SA",
        "--ekv",
    )  # fmt: skip
    assert code == 0, err
    return out.split()[0]


def _deep_not(depth: int) -> dict[str, Any]:
    condition: dict[str, Any] = {"profile": "export_credit_insurance", "equals": True}
    for _ in range(depth):
        condition = {"not": condition}
    return condition


def _alias_bomb(levels: int, width: int) -> str:
    lines = ["a0: &a0 [x]"]
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def draw_case(data: Any, version: int) -> tuple[str, bytes]:
    """Draw one fuzzed checklist file (with `version`, so a valid one is newer than the last).

    Return how it was made (one of KINDS) and its bytes.
    """
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    return kind, _drawn(data, kind, version)


def _drawn(data: Any, kind: str, version: int) -> bytes:
    document = yaml.safe_load(BASE)
    document["version"] = version
    if kind == "bytes":
        raw = bytearray(BASE.replace("version: 2", f"version: {version}").encode("utf-8"))
        for _ in range(data.draw(st.integers(1, 6))):
            at = data.draw(st.integers(0, len(raw) - 1))
            action = data.draw(st.sampled_from(["set", "cut", "insert"]))
            if action == "set":
                raw[at] = data.draw(st.integers(0, 255))
            elif action == "cut":
                del raw[at : at + data.draw(st.integers(1, 40))]
            else:
                raw[at:at] = data.draw(st.binary(max_size=24))
        return bytes(raw)
    if kind == "tree":
        where = data.draw(st.sampled_from(paths(document)[1:]))
        parent = document
        for step in where[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(VALUES)
    elif kind == "condition":
        section = data.draw(st.integers(0, 1))
        items = document["sections"][section]["items"]
        target = items[data.draw(st.integers(0, len(items) - 1))]
        deep = data.draw(st.one_of(st.none(), st.integers(1, 400)))
        target["applies_if"] = _deep_not(deep) if deep else data.draw(CONDITIONS)
    else:
        bomb = _alias_bomb(data.draw(st.integers(1, 9)), data.draw(st.integers(2, 9)))
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        where = data.draw(st.sampled_from(["description", "title"]))
        return (bomb + text.replace(f"{where}:", f"{where}: *a1\n_{where}:", 1)).encode()
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


def _state(data_dir: Path) -> tuple[Any, ...]:
    folder = data_dir / "templates"
    files = sorted((p.name, p.read_bytes()) for p in folder.iterdir()) if folder.is_dir() else []
    return dump(data_dir / "workspace.sqlite"), tuple(files)


def attempt(data_dir: Path, folder: Path, dossier_id: str, content: bytes) -> str:
    """Import one checklist file; assert refusal-or-import and that later commands still work."""
    path = folder / "fuzzed.yaml"
    path.write_bytes(content)
    before = _state(data_dir)
    code, out, err = cli(data_dir, "templates", "import", str(path))
    assert "Traceback" not in err
    if code == 2:
        last = err.strip().splitlines()[-1]
        assert last.startswith("ddcheck: fuzzed.yaml was not imported"), err
        assert _state(data_dir) == before
        outcome = "refused"
    else:
        assert code == 0 and out.startswith("imported mini v"), (out, err)
        outcome = "imported"
    # unchanged files read as before, so after a refusal one command is enough
    for command in (("list",), ("templates", "list"), ("check",))[
        : 3 if outcome == "imported" else 1
    ]:
        code, out, err = cli(data_dir, *command)
        assert code == 0 and "Traceback" not in err, (command, out, err)
    if outcome == "imported":
        code, out, err = cli(data_dir, "show", dossier_id, "--json")
        assert code == 0, err
        json.loads(out)
    return outcome

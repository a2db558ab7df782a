"""DESIGN's arrow table holds for every import in ddcheck/, and no module imports itself back.

Every import counts: at module level, inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ddcheck

PACKAGE = Path(ddcheck.__file__).parent

# DESIGN.md: cli/ui -> services -> store -> domain; services -> catalog -> domain;
# services -> report, exchange -> domain. An arrow's target may be used further down the chain
# for its types (ui names domain models), except the store: all SQL stays behind services.
# cli -> ui: `ddcheck` without a command opens the app.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "store": {"domain"},
    "catalog": {"domain"},
    "report": {"domain"},
    "exchange": {"domain"},
    "services": {"store", "catalog", "report", "exchange", "domain"},
    "ui": {"services", "catalog", "report", "exchange", "domain"},
    "cli": {"ui", "services", "catalog", "report", "exchange", "domain"},
    "preferences": {"domain"},
}
SHARED = {"ddcheck", "paths", "logfile", "bounded_read"}  # stdlib-only helpers: every layer
FRONT_ENDS_ONLY = {"preferences": {"services", "ui", "cli"}}


def module_names() -> dict[str, Path]:
    """Return {dotted module name: file} for every module of the package."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["ddcheck", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Return the ddcheck modules `name` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            wanted = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            wanted = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in wanted:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target.startswith("ddcheck") and target != name:
                targets.add(target)
    return targets


def import_graph() -> dict[str, set[str]]:
    """Return every module's imports of other ddcheck modules."""
    modules = module_names()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def layer(name: str) -> str:
    """Return the layer (package under ddcheck) a module belongs to."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "ddcheck"


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the groups of modules that import each other round (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back_anywhere_in_ddcheck() -> None:
    graph = import_graph()
    assert len(graph) > 150
    assert circles(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def test_every_import_follows_designs_arrow_table() -> None:
    wrong = []
    for name, targets in import_graph().items():
        source = layer(name)
        for target in targets:
            to = layer(target)
            if to == source or to in SHARED or name == "ddcheck.__main__":
                continue
            if to in FRONT_ENDS_ONLY:
                allowed = source in FRONT_ENDS_ONLY[to]
            else:
                allowed = to in ALLOWED.get(source, set())
            if not allowed:
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_report_never_reaches_the_services_nor_the_exchange_format() -> None:
    graph = import_graph()
    report = {n: t for n, t in graph.items() if layer(n) == "report"}
    assert len(report) > 15
    outside = {layer(t) for targets in report.values() for t in targets} - {"report"}
    assert outside <= {"domain", "ddcheck", "paths"}


def test_type_checking_and_function_imports_count(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from ddcheck.services.workspace import Workspace\n"
        "def f():\n"
        "    from ddcheck.store import schema\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    modules = {**module_names(), "ddcheck.report.probe": path}
    assert imports_of("ddcheck.report.probe", path, modules) == {
        "ddcheck.services.workspace",
        "ddcheck.store.schema",
    }

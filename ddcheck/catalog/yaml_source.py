"""Read YAML with line numbers, and without YAML 1.1's surprise booleans (yes/no/on/off)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader where only `true` and `false` are booleans: option ids like `no` stay text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; carries the 1-based line of the problem."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class YamlDocument:
    """Parsed YAML data with a way to find the line of any path into it."""

    data: Any
    root: yaml.Node | None
    duplicate_keys: list[tuple[Path, int]] = field(default_factory=list)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """Return the 1-based line of the deepest node that `path` reaches."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for step in path:
            found = _child(node, step)
            if found is None:
                break
            node, line = found
        return line


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node, int] | None:
    """Return the child at `step` and the line that names it (a mapping key's own line)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                return value, key.start_mark.line + 1
        return None
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and 0 <= step < len(node.value)
    ):
        child = node.value[step]
        return child, child.start_mark.line + 1
    return None


def _find_duplicate_keys(node: yaml.Node | None, path: Path = ()) -> list[tuple[Path, int]]:
    found: list[tuple[Path, int]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            if name in seen:
                found.append(((*path, name), key.start_mark.line + 1))
            seen.add(name)
            found.extend(_find_duplicate_keys(value, (*path, name)))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            found.extend(_find_duplicate_keys(value, (*path, index)))
    return found


MAX_NESTING = 64
"""Deeper YAML is refused before it is built: above any real checklist (conditions stop at
MAX_CONDITION_DEPTH), far below what the parser, pydantic and JSON storage can hold."""


def _refuse_anchors_and_depth(text: str) -> None:
    """Scan the YAML events once: refuse anchors, aliases and too deep nesting, in linear time.

    Aliases let a tiny file expand to millions of nodes ("billion laughs"); a checklist never
    needs them, so they are refused outright rather than bounded.
    """
    depth = 0
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(
                    "YAML anchors and aliases (&name, *name) are not allowed in a checklist; "
                    "write the text out in full",
                    line,
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise YamlSyntaxError(
                        f"the YAML is nested more than {MAX_NESTING} levels deep", line
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def parse_yaml(text: str) -> YamlDocument:
    """Parse `text`, raising YamlSyntaxError with a line number when it is not valid YAML."""
    try:
        _refuse_anchors_and_depth(text)
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "unreadable YAML"
        raise YamlSyntaxError(f"YAML syntax error: {reason}", line) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(f"YAML syntax error: {error}", None) from error
    return YamlDocument(data=data, root=root, duplicate_keys=_find_duplicate_keys(root))

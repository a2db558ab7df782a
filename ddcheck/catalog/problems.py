"""Template problems located in a file: file, line, field and a plain message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LocatedProblem:
    """One thing wrong with a template file, and where."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class TemplateError(ValueError):
    """A template file could not be loaded; carries every problem found."""

    def __init__(self, path: Path | str, problems: Sequence[LocatedProblem]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_name(path: Sequence[str | int]) -> str:
    """Return a readable field path such as `sections[2].items[4].scale`."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text

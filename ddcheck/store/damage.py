"""Damaged workspace files set aside in `damaged/`: which still wait for a decision, and when."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

RESOLVED = "resolved"
PROBLEMS_SUFFIX = "-problems.txt"  # what SQLite found, written beside the damaged file
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?(?:-r\d+)?$")


@dataclass(frozen=True)
class DamagedFile:
    """A workspace file that was found damaged and set aside, and when that happened."""

    path: Path
    found_at: dt.datetime


def _found_at(path: Path) -> dt.datetime:
    match = _STAMP.search(path.stem)
    if match:
        try:
            return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)


def _files(folder: Path) -> list[DamagedFile]:
    if not folder.is_dir():
        return []
    found = [DamagedFile(p, _found_at(p)) for p in folder.glob("*.sqlite") if p.is_file()]
    return sorted(found, key=lambda d: (d.found_at, d.path.name), reverse=True)


def pending(folder: Path) -> list[DamagedFile]:
    """Return the damaged files nobody has restored or dismissed yet, newest first."""
    return _files(folder)


def event_times(folder: Path) -> list[dt.datetime]:
    """Return when each damage happened (pending and resolved), oldest first."""
    return sorted(d.found_at for d in _files(folder) + _files(folder / RESOLVED))


def resolve(folder: Path) -> list[Path]:
    """Move every pending damaged file (with its -wal/-shm) into `resolved/`; return new paths."""
    moved: list[Path] = []
    target_dir = folder / RESOLVED
    for damaged in pending(folder):
        target_dir.mkdir(parents=True, exist_ok=True)
        main = target_dir / damaged.path.name
        counter = 1
        while main.exists():
            main = target_dir / f"{damaged.path.stem}-r{counter}{damaged.path.suffix}"
            counter += 1
        for path in (damaged.path, *_companions(damaged.path)):
            target = main.with_name(main.name + path.name[len(damaged.path.name) :])
            shutil.move(str(path), target)
            moved.append(target)
    return moved


def _companions(path: Path) -> list[Path]:
    found = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", PROBLEMS_SUFFIX))
    return [p for p in found if p.exists()]

"""Find the exchange files in a shared mission folder, leaving alone what is still being synced."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".ddmission", ".pdf", ".ddcheck", ".ddreview")
MAX_DEPTH = 8
MAX_FILES = 20_000
MAX_FILE_BYTES = 512 * 1024 * 1024
TEMPORARY_ENDINGS = (".tmp", ".temp", ".partial", ".part", ".crdownload", ".download", "~")
CONFLICT_MARKS = ("conflicted copy", "conflict copy", ".sync-conflict-", "(conflict")


@dataclass(frozen=True)
class Candidate:
    """A file that looks like an exchange file, as it was when found."""

    path: Path
    name: str  # relative to the folder, for messages
    size: int
    mtime_ns: int
    sha256: str = ""


@dataclass(frozen=True)
class Skipped:
    """A file left alone this time, and why."""

    name: str
    reason: str


def not_ready(name: str) -> str | None:
    """Return why a file name looks like a partial, temporary or conflict copy, else None."""
    lower = name.casefold()
    if name.startswith(("~", ".")):
        return "a temporary or hidden file"
    if lower.endswith(TEMPORARY_ENDINGS):
        return "a partly written file"
    if any(mark in lower for mark in CONFLICT_MARKS):
        return "a conflict copy made by the file sync"
    return None


def _walk(folder: Path) -> Iterator[tuple[Path, int]]:
    """Yield the files under `folder` (no links, no hidden folders, at most MAX_DEPTH deep)."""
    stack: list[tuple[Path, int]] = [(folder, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if depth + 1 < MAX_DEPTH and not entry.name.startswith((".", "~")):
                    stack.append((Path(entry.path), depth + 1))
            elif entry.is_file(follow_symlinks=False):
                yield Path(entry.path), depth


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file's contents, read in pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stat(path: Path) -> os.stat_result | None:
    try:
        found = path.lstat()
    except OSError:
        return None
    return found if stat.S_ISREG(found.st_mode) else None


def scan(
    folder: Path,
    known: Callable[[str], bool],
    *,
    settle_seconds: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[list[Candidate], list[Skipped], int]:
    """Return the new files ready to import, the files left alone, and how many were known.

    A file changed within `settle_seconds` is looked at again after that wait; one whose size or
    time still changes is being written by the file sync and waits for the next sync.
    """
    ready: list[Candidate] = []
    skipped: list[Skipped] = []
    recent: list[Candidate] = []
    seen_before = 0
    count = 0
    now_ns = time.time_ns()
    for path, _depth in _walk(folder):
        if path.suffix.casefold() not in SUFFIXES and not_ready(path.name) is None:
            continue
        name = path.relative_to(folder).as_posix()
        count += 1
        if count > MAX_FILES:
            skipped.append(Skipped(name, f"the folder holds more than {MAX_FILES:,} files"))
            break
        reason = not_ready(path.name)
        if reason is not None:
            if any(suffix in path.name.casefold() for suffix in SUFFIXES):
                skipped.append(Skipped(name, reason))  # one of ours, not there yet
            continue
        found = _stat(path)
        if found is None:
            continue
        if found.st_size > MAX_FILE_BYTES:
            skipped.append(Skipped(name, "it is larger than any ddcheck file can be"))
            continue
        try:
            digest = file_digest(path)
        except OSError as error:
            skipped.append(Skipped(name, f"it cannot be read ({error.strerror or error})"))
            continue
        candidate = Candidate(path, name, found.st_size, found.st_mtime_ns, digest)
        after = _stat(path)
        if after is None or (after.st_size, after.st_mtime_ns) != (
            found.st_size,
            found.st_mtime_ns,
        ):
            skipped.append(Skipped(name, "it is still being written; it waits for the next sync"))
        elif known(digest):
            seen_before += 1
        elif now_ns - found.st_mtime_ns < settle_seconds * 1e9:
            recent.append(candidate)
        else:
            ready.append(candidate)
    if recent:
        sleep(settle_seconds)
        for candidate in recent:
            again = _stat(candidate.path)
            if again is None or (again.st_size, again.st_mtime_ns) != (
                candidate.size,
                candidate.mtime_ns,
            ):
                skipped.append(
                    Skipped(candidate.name, "it is still being written; it waits for the next sync")
                )
            else:
                ready.append(candidate)
    return ready, skipped, seen_before

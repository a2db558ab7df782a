"""Read a file from outside safely: regular files only, a size cap first, links optionally refused.

Every reason is one plain English clause (with a Dutch twin), so callers can put it in a
one-line refusal. Opening never blocks (a FIFO is opened non-blocking and refused), a device
such as /dev/zero is refused before a byte is read, and a file that grows while it is read is
still cut off at the cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class UnreadableFile(ValueError):
    """A file that cannot or may not be read; `reason` / `reason_nl` say why in one clause."""

    def __init__(self, path: Path, reason: str, reason_nl: str, size: int | None = None) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.reason_nl = reason_nl
        self.size = size

    def text(self, lang: str) -> str:
        """Return the reason in `lang` ('nl' or 'en'), to fill in a catalog sentence."""
        return self.reason_nl if lang == "nl" else self.reason


class FileTooLarge(UnreadableFile):
    """A file above the cap; `size` is its size when known (None: it grew while read)."""


def size_words(size: int) -> str:
    """Return a byte count as a short size such as `2.0 MiB`."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.0f} KiB"
    return f"{size} bytes"


def _kind_refusal(path: Path, mode: int) -> UnreadableFile:
    if stat.S_ISDIR(mode):
        return UnreadableFile(path, "it is a folder, not a file", "het is een map, geen bestand")
    if stat.S_ISLNK(mode):
        return UnreadableFile(
            path,
            "it is a symbolic link; give the file itself",
            "het is een symbolische koppeling; kies het bestand zelf",
        )
    return UnreadableFile(
        path,
        "it is not a regular file (a device, pipe or socket)",
        "het is geen gewoon bestand (een apparaat, pipe of socket)",
    )


def _stat_size(info: os.stat_result) -> int:
    return info.st_size


def read_regular_file(path: Path | str, limit: int, *, follow_links: bool = True) -> bytes:
    """Return the bytes of a regular file of at most `limit` bytes; raise UnreadableFile."""
    path = Path(path)
    if not follow_links:
        try:
            info = os.lstat(path)
        except OSError as error:
            raise _os_refusal(path, error) from error
        if not stat.S_ISREG(info.st_mode):
            raise _kind_refusal(path, info.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _os_refusal(path, error, follow_links) from error
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _kind_refusal(path, info.st_mode)
    with os.fdopen(fd, "rb") as handle:
        if _stat_size(info) > limit:
            raise too_large(path, info.st_size, limit)
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise _os_refusal(path, error) from error
    if len(data) > limit:
        raise too_large(path, None, limit)
    return data


def too_large(path: Path, size: int | None, limit: int) -> FileTooLarge:
    """Return the refusal of a file above `limit` bytes."""
    cap = size_words(limit)
    shown = size_words(size) if size is not None else f"more than {cap}"
    shown_nl = size_words(size) if size is not None else f"meer dan {cap}"
    return FileTooLarge(
        path,
        f"it is too large ({shown}; at most {cap})",
        f"het is te groot ({shown_nl}; hoogstens {cap})",
        size,
    )


def _os_refusal(path: Path, error: OSError, follow_links: bool = True) -> UnreadableFile:
    if isinstance(error, FileNotFoundError):
        return UnreadableFile(path, "file not found", "bestand niet gevonden")
    if isinstance(error, IsADirectoryError):
        return _kind_refusal(path, stat.S_IFDIR)
    if not follow_links and error.errno in (errno.ELOOP, errno.EMLINK):
        return _kind_refusal(path, stat.S_IFLNK)
    if isinstance(error, PermissionError):
        return UnreadableFile(
            path, "you have no permission to read it", "u mag het bestand niet lezen"
        )
    reason = error.strerror or str(error)
    return UnreadableFile(path, f"it cannot be read ({reason})", f"het is onleesbaar ({reason})")

"""Write a file the user asked for so that a crash or cancel never leaves half of it."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """Return the process umask without changing it for other threads (where the OS allows)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:  # no /proc (macOS): set and restore at once
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_atomically(target: Path, content: bytes) -> None:
    """Write to a temporary file next to `target`, then rename it into place.

    The file gets the permissions of any newly created file (0644 under the usual umask 022), not
    the 0600 of a private temporary file, so colleagues on a shared folder can read it.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):  # POSIX; Windows has no permission bits to set
                os.fchmod(stream.fileno(), 0o666 & ~current_umask())
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise

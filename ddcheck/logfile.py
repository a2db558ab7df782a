"""The workspace's log file, one set-up for the command line and the app, safe when both run."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

LOG_NAME = "ddcheck.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path` shared by every ddcheck process (waits for it)."""
    with open(lock_path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            for _ in range(100):  # 100 × 50 ms; msvcrt's own LK_LOCK gives up after 10 s
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(0.05)
            else:
                raise OSError("the log file stayed locked")
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class SharedRotatingFile(logging.Handler):
    """Append each record to the log under an inter-process lock; roll over by size.

    The file is open only while one record is written, under the lock, so another ddcheck
    process (the app and the command line at once) never holds it during a rollover: the rename
    that fails on Windows while the file is open elsewhere cannot happen. A log that cannot be
    written stays silent.
    """

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__()
        self.path = Path(path).absolute()
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        """Write one record, rolling the files over first when it would not fit."""
        try:
            data = (self.format(record) + "\n").encode("utf-8", "replace")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_name(self.path.name + ".lock")):
                self._roll_over_for(len(data))
                with open(self.path, "ab") as stream:
                    stream.write(data)
        except Exception:
            self.handleError(record)

    def _roll_over_for(self, size: int) -> None:
        try:
            current = self.path.stat().st_size
        except FileNotFoundError:
            return
        if current == 0 or current + size <= self.max_bytes:
            return
        for number in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{number}")
            if older.exists():
                os.replace(older, self.path.with_name(f"{self.path.name}.{number + 1}"))
        os.replace(self.path, self.path.with_name(f"{self.path.name}.1"))

    def handleError(self, record: logging.LogRecord) -> None:
        """Never print a traceback on the terminal for a log line that could not be written."""


def setup_logging(folder: Path) -> SharedRotatingFile:
    """Send ddcheck's messages and library warnings to `folder/ddcheck.log` (made on first use).

    Called again with another folder (a test, `--data-dir`), it moves the log there.
    """
    root = logging.getLogger()
    target = (Path(folder) / LOG_NAME).absolute()
    for old in [h for h in root.handlers if isinstance(h, SharedRotatingFile)]:
        if old.path == target:
            return old
        root.removeHandler(old)
        old.close()
    handler = SharedRotatingFile(target)
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    logging.getLogger("ddcheck").setLevel(logging.INFO)
    logging.captureWarnings(True)
    return handler

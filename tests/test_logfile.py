"""One log set-up for the command line and the app: size-rotated, safe with several processes."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ddcheck.logfile import SharedRotatingFile, setup_logging


@pytest.fixture
def clean_root() -> Iterator[None]:
    """Leave the root logger as the test found it."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


def _lines(folder: Path) -> list[str]:
    files = sorted(folder.glob("ddcheck.log*"))
    return [
        line
        for f in files
        if not f.name.endswith(".lock")
        for line in f.read_text("utf-8").splitlines()
    ]


def test_setup_logs_ddcheck_and_library_warnings_to_one_file(
    tmp_path: Path, clean_root: None
) -> None:
    setup_logging(tmp_path / "logs")
    setup_logging(tmp_path / "logs")  # twice: still one handler
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, SharedRotatingFile)]
    assert len(handlers) == 1
    logging.getLogger("ddcheck.test").info("from ddcheck")
    logging.getLogger("pypdf").warning("from a library")
    text = (tmp_path / "logs" / "ddcheck.log").read_text("utf-8")
    assert "INFO" in text and "ddcheck.test: from ddcheck" in text
    assert "pypdf: from a library" in text


def test_the_log_rolls_over_by_size_and_keeps_three_old_files(tmp_path: Path) -> None:
    handler = SharedRotatingFile(tmp_path / "ddcheck.log", max_bytes=1000, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for number in range(200):
        handler.emit(logging.makeLogRecord({"msg": f"line {number:03d} " + "x" * 40}))
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock"))
    assert names == ["ddcheck.log", "ddcheck.log.1", "ddcheck.log.2", "ddcheck.log.3"]
    assert all(p.stat().st_size <= 1000 for p in tmp_path.glob("ddcheck.log*"))
    newest = (tmp_path / "ddcheck.log").read_text("utf-8").splitlines()
    assert newest[-1].startswith("line 199 ")


def test_a_folder_that_cannot_be_made_stays_silent(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    handler = SharedRotatingFile(blocker / "logs" / "ddcheck.log")
    handler.emit(logging.makeLogRecord({"msg": "lost"}))
    assert capsys.readouterr().err == ""


def test_two_processes_writing_and_rolling_over_at_once_lose_no_line(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import logging, sys
        from pathlib import Path
        from ddcheck.logfile import SharedRotatingFile
        handler = SharedRotatingFile(Path(sys.argv[1]), max_bytes=5_000, backups=50)
        handler.setFormatter(logging.Formatter("%(message)s"))
        for n in range(400):
            handler.emit(logging.makeLogRecord({"msg": f"{sys.argv[2]} {n:04d} " + "y" * 30}))
        """
    )
    target = tmp_path / "ddcheck.log"
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(target), name])
        for name in ("cli", "app")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    lines = _lines(tmp_path)
    for name in ("cli", "app"):
        mine = sorted(line for line in lines if line.startswith(f"{name} "))
        assert mine == [f"{name} {n:04d} " + "y" * 30 for n in range(400)]
    assert len(lines) == 800
    rolled = [p for p in tmp_path.glob("ddcheck.log.*") if p.suffix != ".lock"]
    assert len(rolled) >= 3  # it did roll over meanwhile

"""A data folder the app cannot use ends in one line and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_data_folder_under_a_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ddcheck",
            "--data-dir",
            str(blocker / "data"),
            "--quit-after-ready",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "cannot use the data folder" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_logging_in_a_read_only_folder_is_skipped(tmp_path: Path) -> None:
    import logging

    from ddcheck.logfile import setup_logging

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    setup_logging(blocker / "logs")  # no exception: the app starts without its log file
    logging.getLogger("ddcheck").warning("nowhere to write this; still no traceback")

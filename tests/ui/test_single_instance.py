"""One app per workspace: a second start hands its files over and the running app imports them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QWidget

from ddcheck.cli.main import main
from ddcheck.ui.single_instance import (
    MAX_FILES,
    MAX_MESSAGE_BYTES,
    SingleInstance,
    decode_files,
    encode_files,
    server_name,
)
from ddcheck.ui.startup import OpenRequests

ROOT = Path(__file__).resolve().parents[2]


def test_a_message_carries_absolute_paths_and_nothing_else_is_taken(tmp_path: Path) -> None:
    relative = Path("dossier.pdf")
    message = encode_files([relative])
    assert message.endswith(b"\n") and b"\n" not in message[:-1]
    assert decode_files(message.rstrip(b"\n")) == [relative.absolute()]
    refused = [
        b"not json",
        b'{"files": "one.pdf"}',
        b'{"files": ["relative.pdf"]}',
        b'{"files": [1]}',
        b'["/a.pdf"]',
        json.dumps({"files": ["/x.pdf"] * (MAX_FILES + 1)}).encode(),
        json.dumps({"files": ["/" + "a" * 5000]}).encode(),
        b"\xff\xfe",
        b'{"files": ["/a' + b"a" * MAX_MESSAGE_BYTES + b'"]}',
    ]
    for message in refused:
        assert decode_files(message) is None, message[:40]


def test_the_socket_is_one_per_workspace(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert server_name(one) == server_name(tmp_path / "one" / ".." / "one")
    assert server_name(one) != server_name(two)
    assert server_name(one).startswith("ddcheck-") and len(server_name(one)) < 40


def test_a_second_instance_hands_its_files_to_the_first(qtbot: Any, tmp_path: Path) -> None:
    lock = tmp_path / "app.lock"
    first = SingleInstance(lock, tmp_path)
    second = SingleInstance(lock, tmp_path)
    wanted = tmp_path / "received.pdf"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ddcheck.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        "later = SingleInstance(Path(sys.argv[1]) / 'app.lock', Path(sys.argv[1]))\n"
        "print(later.claim(), later.hand_over([Path(sys.argv[2])]))\n"
    )
    try:
        assert first.claim() and first.listen()
        assert not second.claim()
        assert second.holder() == os.getpid()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with qtbot.waitSignal(first.opened, timeout=30000) as opened:
            later = subprocess.Popen(
                [sys.executable, "-c", script, str(tmp_path), str(wanted)],
                stdout=subprocess.PIPE,
                text=True,
                env=env,
                cwd=ROOT,
            )
        qtbot.waitUntil(lambda: later.poll() is not None, timeout=30000)
        assert opened.args == [[wanted]]
        assert later.stdout is not None and later.stdout.read().split() == ["False", "True"]
    finally:
        first.release()
    assert second.claim()  # released: the next start owns the workspace
    second.release()


def test_nobody_answering_is_reported_not_waited_for_forever(tmp_path: Path) -> None:
    lonely = SingleInstance(tmp_path / "app.lock", tmp_path)
    started = time.monotonic()
    assert lonely.hand_over([tmp_path / "a.pdf"], wait_s=0.5) is False
    assert time.monotonic() - started < 3


def test_files_asked_for_before_the_workspace_opens_are_imported_once_it_is(
    qtbot: Any, qapp: Any
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    requests = OpenRequests(qapp, window)
    imported: list[list[Path]] = []
    requests.request([Path("/tmp/early.pdf")])
    requests.request([])  # a start without files only brings the window forward
    assert imported == []
    requests.deliver_to(imported.append)
    requests.request([Path("/tmp/late.ddmission")])
    assert imported == [[Path("/tmp/early.pdf")], [Path("/tmp/late.ddmission")]]


def test_a_document_the_system_opens_on_macos_is_imported() -> None:
    script = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtGui import QFileOpenEvent\n"
        "from ddcheck.ui.application import make_application\n"
        "app = make_application([])\n"
        "seen = []\n"
        "app.file_opened.connect(seen.append)\n"
        "QCoreApplication.sendEvent(app, QFileOpenEvent('/tmp/mission.ddmission'))\n"
        "print(seen)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['/tmp/mission.ddmission']"
    assert QFileOpenEvent and QCoreApplication  # the names the script uses exist here too


@pytest.mark.slow
def test_ddcheck_file_while_the_app_is_open_imports_it_in_that_app(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    company, adviser = tmp_path / "company", tmp_path / "adviser"
    assert main(["--data-dir", str(company), "demo", "--lang", "en"]) == 0
    dossier_id = capsys.readouterr().out.split()[0]
    pdf = tmp_path / "dossier.pdf"
    assert main(["--data-dir", str(company), "export", dossier_id, "-o", str(pdf)]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DDCHECK_DATA_DIR": str(adviser)}
    command = [sys.executable, "-m", "ddcheck", "--data-dir", str(adviser)]
    running = subprocess.Popen(
        command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while not (adviser / "app.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.1)  # the first app holds the workspace before the second starts
        assert running.poll() is None
        second = subprocess.run(
            [*command, str(pdf)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout and "imports 1 file" in second.stdout
        deadline = time.monotonic() + 60
        received: list[Any] = []
        while time.monotonic() < deadline and not received:
            time.sleep(0.5)
            capsys.readouterr()
            if main(["--data-dir", str(adviser), "received", "list", "--json"]) == 0:
                received = json.loads(capsys.readouterr().out or "[]")
        assert len(received) == 1, "the running app did not import the handed-over PDF"
        assert running.poll() is None, "the first app must still be running"
    finally:
        running.send_signal(signal.SIGTERM)
        running.wait(30)


def test_a_lock_that_cannot_be_written_does_not_keep_the_app_from_starting(
    tmp_path: Path,
) -> None:
    unwritable = tmp_path / "no such folder" / "app.lock"  # as root, read-only folders are not
    assert SingleInstance(unwritable, tmp_path).claim()

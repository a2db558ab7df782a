"""Answers survive a kill at any moment, and two processes can write one workspace."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ddcheck.paths import data_paths
from ddcheck.services import SimpleCatalog, Workspace
from tests.services.conftest import load_template

CHILD = Path(__file__).resolve().parent / "writer_child.py"
ROOT = Path(__file__).resolve().parents[2]


def _make_dossier(data_dir: Path) -> str:
    catalog = SimpleCatalog.of([load_template("mini-v1"), load_template("briefing-sa")])
    from ddcheck.domain.dossier import Company, Mission

    with Workspace.open(data_dir, user="setup", catalog=catalog) as ws:
        return ws.create_dossier(Company(name="Kill B.V."), Mission(name="Riyad")).id


def _child(
    data_dir: Path, dossier_id: str, tag: str, count: int | None = None, start: Path | None = None
) -> subprocess.Popen:
    args = [sys.executable, str(CHILD), str(data_dir), dossier_id, tag]
    if count is not None:
        args.append(str(count))
    if start is not None:
        args.append(str(start))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
    )


def _stored_notes(data_dir: Path, dossier_id: str) -> set[str]:
    conn = sqlite3.connect(data_paths(data_dir).database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute(
        "SELECT new FROM history WHERE dossier_id = ? AND field = 'note'", (dossier_id,)
    ).fetchall()
    conn.close()
    return {row[0].strip('"') for row in rows}


def _acks(output: str) -> list[tuple[str, int, str]]:
    acks = []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3:  # a line cut by the kill is not an acknowledgement
            acks.append((parts[0], int(parts[1]), parts[2]))
    return acks


@pytest.mark.slow
def test_every_acknowledged_answer_survives_sigkill(tmp_path: Path):
    data_dir = tmp_path / "data"
    dossier_id = _make_dossier(data_dir)
    rng = random.Random()
    total = 0
    for run in range(6):
        tag = f"run{run}"
        child = _child(data_dir, dossier_id, tag)
        time.sleep(rng.uniform(0.8, 2.0))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        acks = _acks(out)
        assert acks or err == "", err
        stored = _stored_notes(data_dir, dossier_id)
        lost = [f"{t} {seq}" for t, seq, _ in acks if f"{t} {seq}" not in stored]
        assert lost == [], f"{len(lost)} acknowledged answers lost in {tag}"
        last_item = {}
        for t, seq, item in acks:
            last_item[item] = f"{t} {seq}"
        with Workspace.open(
            data_dir,
            catalog=SimpleCatalog.of([load_template("mini-v1"), load_template("briefing-sa")]),
        ) as ws:
            dossier = ws.get_dossier(dossier_id)
            for item, note in last_item.items():
                stored_note = dossier.answer("mini", item).note
                seq = int(note.split()[1])
                stored_seq = int(stored_note.split()[1]) if stored_note.startswith(tag) else -1
                # At most the answers after the last acknowledgement (committed, not yet printed).
                assert seq <= stored_seq <= seq + 6
        total += len(acks)
    assert total > 50


@pytest.mark.slow
def test_two_processes_writing_one_workspace_lose_nothing(tmp_path: Path):
    data_dir = tmp_path / "data"
    dossier_id = _make_dossier(data_dir)
    count = 400
    start = tmp_path / "go"
    children = [_child(data_dir, dossier_id, tag, count, start) for tag in ("left", "right")]
    for child in children:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read()
    start.touch()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert len(_acks(out)) == count
    stored = _stored_notes(data_dir, dossier_id)
    for tag in ("left", "right"):
        assert {f"{tag} {n}" for n in range(count)} <= stored
    conn = sqlite3.connect(data_paths(data_dir).database)
    writers = [row[0] for row in conn.execute("SELECT who FROM history ORDER BY id")]
    conn.close()
    switches = sum(1 for a, b in itertools.pairwise(writers) if a != b)
    assert switches > 2, "the two writers did not overlap; the test proved nothing"

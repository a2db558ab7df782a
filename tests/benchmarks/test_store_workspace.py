"""Benchmarks of the workspace store against bare sqlite3 doing the same work.

Run with: pytest tests/benchmarks/test_store_workspace.py -s
Goals (issue 3): saving one answer with its history row at most 10x a bare sqlite3 WAL upsert
plus one history insert; loading a 2,000-item dossier under 100 ms; listing 1,000 dossiers.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ddcheck.domain.dossier import Company, Mission
from ddcheck.services import SimpleCatalog, Workspace
from ddcheck.services.demo import build_synthetic
from ddcheck.store.database import SYNCHRONOUS
from tests.services.conftest import load_template

SAVES = 400
ANSWER_GOAL = 10.0
LOAD_GOAL_S = 0.100


def _per_call(fn: Callable[[int], object], calls: int) -> float:
    """Return the median seconds per call over five rounds of `calls` calls."""
    return _interleaved([fn], calls)[0]


def _interleaved(fns: list[Callable[[int], object]], calls: int, rounds: int = 7) -> list[float]:
    """Time the functions in alternating rounds (machine noise hits both); medians per call."""
    times: list[list[float]] = [[] for _ in fns]
    for round_no in range(rounds):
        for index, fn in enumerate(fns):
            start = time.perf_counter()
            for n in range(calls):
                fn(round_no * calls + n)
            times[index].append((time.perf_counter() - start) / calls)
    return [statistics.median(t) for t in times]


def _catalog() -> SimpleCatalog:
    return SimpleCatalog.of([load_template("mini-v1"), load_template("briefing-sa")])


def _bare_pair(folder: Path, synchronous: str) -> Callable[[int], object]:
    """Return a bare sqlite3 WAL upsert of the same answer row plus one history insert."""
    conn = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    conn.executescript(
        """
        CREATE TABLE answers (dossier_id TEXT, template_id TEXT, item_id TEXT, value TEXT,
            note TEXT, confidential INTEGER, review INTEGER, risk TEXT,
            needs_reconfirmation INTEGER, item_fingerprint TEXT, updated_at TEXT,
            updated_by TEXT, PRIMARY KEY (dossier_id, template_id, item_id));
        CREATE TABLE history (id INTEGER PRIMARY KEY, dossier_id TEXT, at TEXT, who TEXT,
            entity TEXT, entity_id TEXT, field TEXT, old TEXT, new TEXT);
        """
    )
    items = ("policy", "grievance", "workers", "risk-map", "ekv-esap", "remarks")

    def save(n: int) -> None:
        item = items[n % len(items)]
        now = dt.datetime.now(dt.UTC).isoformat()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO answers VALUES (?, 'mini', ?, NULL, ?, 0, 0, '{}', 0, '', ?, 'bench')"
            " ON CONFLICT (dossier_id, template_id, item_id) DO UPDATE SET note = excluded.note,"
            " updated_at = excluded.updated_at",
            ("d1", item, f"note {n}", now),
        )
        conn.execute(
            "INSERT INTO history (dossier_id, at, who, entity, entity_id, field, old, new)"
            " VALUES ('d1', ?, 'bench', 'answer', ?, 'note', NULL, ?)",
            (now, f"mini/{item}", json.dumps(f"note {n}")),
        )
        conn.execute("COMMIT")

    return save


@pytest.mark.parametrize("synchronous", sorted({SYNCHRONOUS, "NORMAL"}))
def test_answer_save_against_a_bare_sqlite_pair(tmp_path: Path, synchronous: str):
    bare = _bare_pair(tmp_path, synchronous)
    with Workspace.open(tmp_path / "ws", user="bench", catalog=_catalog()) as ws:
        ws._store.conn.execute(f"PRAGMA synchronous={synchronous}")
        dossier_id = ws.create_dossier(
            Company(name="Bench B.V."), Mission(name="Riyad", destinations=["SA"])
        ).id
        items = ("policy", "grievance", "workers", "risk-map", "ekv-esap", "remarks")

        def save(n: int) -> None:
            ws.answer(dossier_id, "mini", items[n % len(items)], note=f"note {n}")

        ours, theirs = _interleaved([save, bare], SAVES // 4)
    ratio = ours / theirs
    print(
        f"\nanswer save (WAL, synchronous={synchronous}): ddcheck {ours * 1e6:.0f} µs, "
        f"bare sqlite3 pair {theirs * 1e6:.0f} µs, ratio {ratio:.1f}x (goal ≤ {ANSWER_GOAL:.0f}x)"
    )
    assert ratio <= ANSWER_GOAL


def test_load_a_2000_item_dossier(tmp_path: Path):
    with Workspace.open(tmp_path / "ws", user="bench", catalog=_catalog()) as ws:
        dossier_id = build_synthetic(ws, 2000).id
        ours = _per_call(lambda _: ws.get_dossier(dossier_id), 4)
        conn = sqlite3.connect(ws.paths.database)
        bare = _per_call(
            lambda _: conn.execute(
                "SELECT * FROM answers WHERE dossier_id = ?", (dossier_id,)
            ).fetchall(),
            4,
        )
        conn.close()
        assert len(ws.get_dossier(dossier_id).answers) == 2000
    print(
        f"\nload 2,000-item dossier: ddcheck {ours * 1e3:.1f} ms, bare SELECT "
        f"{bare * 1e3:.1f} ms, ratio {ours / bare:.1f}x (goal < {LOAD_GOAL_S * 1e3:.0f} ms)"
    )
    assert ours < LOAD_GOAL_S


def test_list_1000_dossiers(tmp_path: Path):
    with Workspace.open(tmp_path / "ws", user="bench", catalog=_catalog()) as ws:
        with ws.batch():
            for n in range(1000):
                dossier = ws.create_dossier(
                    Company(name=f"Company {n:04d} B.V."),
                    Mission(name="Riyad 2027", destinations=["SA"]),
                )
                ws.answer(dossier.id, "mini", "policy", value="yes" if n % 3 else "no")
                ws.answer(dossier.id, "briefing-sa", "recruitment-fees", value="no")
        start = time.perf_counter()
        assert len(ws.list_dossiers()) == 1000
        cold = time.perf_counter() - start
        warm = _per_call(lambda _: ws.list_dossiers(), 2)
        conn = sqlite3.connect(ws.paths.database)
        bare = _per_call(
            lambda _: conn.execute(
                "SELECT id, company, mission, updated_at, stats FROM dossiers"
                " WHERE trashed_at IS NULL ORDER BY updated_at DESC"
            ).fetchall(),
            2,
        )
        conn.close()
    print(
        f"\nlist 1,000 dossiers: first (computes and caches progress) {cold * 1e3:.0f} ms, "
        f"then {warm * 1e3:.1f} ms; bare SELECT {bare * 1e3:.1f} ms, ratio {warm / bare:.1f}x"
    )
    assert warm < 0.5

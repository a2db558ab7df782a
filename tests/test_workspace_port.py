"""The workspace port: the façade and the UI tests' double implement it (mypy checks this file)."""

from __future__ import annotations

from pathlib import Path

from ddcheck.catalog import load_shipped_catalog
from ddcheck.services.port import WorkspacePort
from ddcheck.services.workspace import Workspace
from tests.ui.fake_workspace import FakeWorkspace

MEMBERS = {name for name in vars(WorkspacePort) if not name.startswith("_")}


def test_the_facade_implements_the_port(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    port: WorkspacePort = workspace
    try:
        assert MEMBERS and all(hasattr(Workspace, name) for name in MEMBERS)
        opener = port.worker_opener()
        assert opener is not None
        again = opener()  # what a worker thread does: its own connection to the same folder
        assert again.paths == workspace.paths and again.user == workspace.user
        again.close()
    finally:
        workspace.close()


def test_the_ui_tests_double_implements_the_port() -> None:
    double: WorkspacePort = FakeWorkspace(load_shipped_catalog())
    assert all(hasattr(double, name) for name in MEMBERS)
    assert double.worker_opener() is None  # held in memory: its jobs run on the UI thread
    assert double.paths is None and not double.encrypted


def test_a_worker_opens_an_encrypted_workspace_with_its_key(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    try:
        workspace.encrypt("correct horse battery staple 42")
        opener = workspace.worker_opener()
        again = opener()  # no passphrase asked again: the open workspace's key is passed on
        assert again.encrypted and again.list_dossiers() == workspace.list_dossiers()
        again.close()
    finally:
        workspace.close()

"""Encryption at rest: encrypt, open with the passphrase or recovery key, change, decrypt."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.paths import data_paths
from ddcheck.services import Workspace, WorkspaceDamaged, WorkspaceLocked, WrongPassphrase
from ddcheck.services.encryption import (
    change_passphrase,
    decrypt_workspace,
    encrypt_workspace,
    strength,
)
from ddcheck.services.errors import InvalidInput

NOTE = "Leverancier betaalt wervingskosten ZEBRA-7731"
PASS = "correct horse battery staple"


class FakeKeychain:
    """An in-memory keychain: tests never touch the real one."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def get(self, account: str) -> str | None:
        return self.items.get(account)

    def put(self, account: str, secret: str) -> None:
        self.items[account] = secret

    def forget(self, account: str) -> None:
        self.items.pop(account, None)


def _all_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def _fill(data: Path, catalog, clock, company, mission, evidence: Path) -> str:
    with Workspace.open(data, catalog=catalog, clock=clock) as ws:
        dossier = ws.create_dossier(company, mission)
        ws.answer(dossier.id, "mini", "policy", value="yes", note=NOTE, confidential=True)
        ws.attach_evidence(dossier.id, evidence, item_key="mini/policy")
        ws.backup()
        return dossier.id


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    path = tmp_path / "contract.txt"
    path.write_bytes(b"EVIDENCE-BYTES-QUOKKA " * 100)
    return path


def test_encrypt_hides_every_byte_and_opens_with_passphrase_or_recovery_key(
    tmp_path, catalog, clock, company, mission, evidence
):
    data = tmp_path / "data"
    dossier_id = _fill(data, catalog, clock, company, mission, evidence)
    assert NOTE.encode() in _all_bytes(data)

    recovery = encrypt_workspace(data, PASS)

    assert recovery and len(recovery.replace("-", "")) == 32
    everything = _all_bytes(data)
    assert NOTE.encode() not in everything
    assert b"EVIDENCE-BYTES-QUOKKA" not in everything
    assert b"SQLite format 3" not in everything
    for secret in (PASS, recovery.lower().replace("-", " ")):
        with Workspace.open(data, catalog=catalog, clock=clock, passphrase=secret) as ws:
            assert ws.get_dossier(dossier_id).answer("mini", "policy").note == NOTE
            [item] = ws.get_dossier(dossier_id).evidence
            assert ws.evidence_bytes(item.id).startswith(b"EVIDENCE-BYTES-QUOKKA")
            assert ws.check().ok
            assert ws.list_backups()
    assert NOTE.encode() not in _all_bytes(data)


def test_without_or_with_a_wrong_passphrase_nothing_opens_and_nothing_changes(
    tmp_path, catalog, clock, company, mission, evidence
):
    data = tmp_path / "data"
    _fill(data, catalog, clock, company, mission, evidence)
    encrypt_workspace(data, PASS)
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    with pytest.raises(WorkspaceLocked):
        Workspace.open(data, catalog=catalog, clock=clock)
    with pytest.raises(WrongPassphrase, match="does not open"):
        Workspace.open(data, catalog=catalog, clock=clock, passphrase="wrong passphrase")
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_change_passphrase_then_decrypt_restores_a_plain_workspace(
    tmp_path, catalog, clock, company, mission, evidence
):
    data = tmp_path / "data"
    dossier_id = _fill(data, catalog, clock, company, mission, evidence)
    recovery = encrypt_workspace(data, PASS)
    with pytest.raises(WrongPassphrase):
        change_passphrase(data, "not the passphrase", "a new passphrase here")
    with pytest.raises(InvalidInput, match="at least 8"):
        change_passphrase(data, PASS, "short")
    change_passphrase(data, PASS, "a new passphrase here")
    with pytest.raises(WrongPassphrase):
        Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS)
    Workspace.open(data, catalog=catalog, clock=clock, passphrase=recovery).close()

    decrypt_workspace(data, "a new passphrase here")

    assert not data_paths(data).keys.exists()
    with Workspace.open(data, catalog=catalog, clock=clock) as ws:
        assert ws.get_dossier(dossier_id).answer("mini", "policy").note == NOTE
        assert ws.check().ok
        assert all(b.path.read_bytes()[:6] == b"SQLite" for b in ws.list_backups())


def test_the_keychain_is_used_only_when_asked(tmp_path, catalog, clock, company, mission, evidence):
    data = tmp_path / "data"
    _fill(data, catalog, clock, company, mission, evidence)
    keychain = FakeKeychain()
    encrypt_workspace(data, PASS, keychain=keychain, remember=True)
    assert list(keychain.items.values()) and PASS not in keychain.items.values()
    Workspace.open(data, catalog=catalog, clock=clock, keychain=keychain).close()
    decrypt_workspace(data, None, keychain=keychain)
    assert keychain.items == {}


def test_a_damaged_encrypted_file_is_set_aside_and_the_newest_backup_offered(
    tmp_path, catalog, clock, company, mission, evidence
):
    data = tmp_path / "data"
    _fill(data, catalog, clock, company, mission, evidence)
    encrypt_workspace(data, PASS)
    database = data_paths(data).database
    raw = bytearray(database.read_bytes())
    raw[100:4000] = bytes(3900)
    database.write_bytes(bytes(raw))
    with pytest.raises(WorkspaceDamaged) as caught:
        Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS)
    assert caught.value.newest_backup is not None
    used = Workspace.restore(data, passphrase=PASS)
    assert used == caught.value.newest_backup
    with Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS) as ws:
        assert ws.list_dossiers()


def test_strength_hint_grows_with_length_and_variety():
    assert strength("short") == 0
    assert strength("password") == 1
    assert strength("Four Words Make A Passphrase 9") == 4

"""`ddcheck workspace encrypt|decrypt|change-passphrase` and opening an encrypted workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.cli.secrets import PASSPHRASE_FILE_ENV
from tests.cli.test_workspace_cli import Cli, _status_item, cli, dossier_id, shipped_catalog

__all__ = ["cli", "dossier_id", "shipped_catalog"]

NOTE = "Onderaannemer houdt paspoorten in PELIKAAN-4417"


def _everything(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text("correct horse battery staple\n", encoding="utf-8")
    return path


def test_after_encrypt_the_note_is_nowhere_and_list_needs_the_passphrase(
    cli: Cli, dossier_id: str, secret_file: Path, tmp_path: Path, monkeypatch
):
    item = _status_item(cli.json("show", dossier_id))
    assert cli("answer", dossier_id, item["item"], "no", "--note", NOTE, "--confidential") == 0
    evidence = tmp_path / "contract.pdf"
    evidence.write_bytes(b"%PDF-1.4 KAMELEON-CONTRACT " * 50)
    assert cli("attach", dossier_id, str(evidence), "--item", item["key"]) == 0
    assert cli("backup") == 0
    before = cli.json("show", dossier_id)
    assert NOTE.encode() in _everything(cli.data_dir)

    assert cli("workspace", "encrypt", "--passphrase-file", str(secret_file)) == 0, cli.err
    recovery = cli.out.split("Recovery key: ")[1].split()[0]

    everything = _everything(cli.data_dir)
    assert NOTE.encode() not in everything and b"KAMELEON-CONTRACT" not in everything
    assert b"SQLite format 3" not in everything
    assert cli("list") == 2
    assert cli.err.count("\n") == 1 and "encrypted" in cli.err and "--passphrase-file" in cli.err
    assert cli("list", "--passphrase-file", str(secret_file)) == 0
    assert dossier_id in cli.out
    assert cli.json("show", dossier_id, "--passphrase-file", str(secret_file)) == before
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret_file))
    assert cli("list") == 0 and dossier_id in cli.out
    assert cli("backup") == 0 and cli("check") == 0, cli.err
    assert NOTE.encode() not in _everything(cli.data_dir)

    recovery_file = tmp_path / "recovery.txt"
    recovery_file.write_text(recovery, encoding="utf-8")
    assert cli("list", "--passphrase-file", str(recovery_file)) == 0


def test_a_wrong_passphrase_exits_2_and_changes_nothing(
    cli: Cli, dossier_id: str, secret_file: Path, tmp_path: Path
):
    assert cli("workspace", "encrypt", "--passphrase-file", str(secret_file)) == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase", encoding="utf-8")
    files = {p: p.read_bytes() for p in cli.data_dir.rglob("*") if p.is_file()}
    for args in (["list"], ["answer", dossier_id, "x", "yes"], ["workspace", "decrypt"]):
        assert cli(*args, "--passphrase-file", str(wrong)) == 2
        assert (
            cli.err
            == "ddcheck: That passphrase does not open this workspace; nothing was changed.\n"
        )
    after = {
        p: p.read_bytes()
        for p in cli.data_dir.rglob("*")
        if p.is_file() and p.parent.name != "logs"
    }
    assert after == {p: b for p, b in files.items() if p.parent.name != "logs"}
    assert cli("list", "--passphrase-file", str(tmp_path / "missing.txt")) == 2
    assert "cannot read the passphrase file" in cli.err


def test_change_passphrase_and_decrypt(cli: Cli, dossier_id: str, secret_file: Path, tmp_path):
    assert cli("workspace", "encrypt", "--passphrase-file", str(secret_file)) == 0
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase", encoding="utf-8")
    args = ["workspace", "change-passphrase", "--passphrase-file", str(secret_file)]
    assert cli(*args, "--new-passphrase-file", str(new)) == 0, cli.err
    assert cli("list", "--passphrase-file", str(secret_file)) == 2
    assert cli("workspace", "decrypt", "--passphrase-file", str(new)) == 0, cli.err
    assert not (cli.data_dir / "workspace.keys").exists()
    assert cli("list") == 0 and dossier_id in cli.out
    assert cli("workspace", "decrypt") == 2 and "not encrypted" in cli.err


def test_encrypt_asks_for_a_passphrase_only_in_a_terminal(cli: Cli, dossier_id: str):
    assert cli("workspace", "encrypt") == 2
    assert "--new-passphrase-file" in cli.err


def test_help_names_the_passphrase_options(capsys):
    with pytest.raises(SystemExit):
        main(["workspace", "encrypt", "--help"])
    assert "--passphrase-file" in capsys.readouterr().out


def test_travel_prepare_and_return_on_the_command_line(
    cli: Cli, dossier_id: str, secret_file: Path, tmp_path: Path, monkeypatch
):
    item = _status_item(cli.json("show", dossier_id))
    assert cli("answer", dossier_id, item["item"], "no", "--note", NOTE, "--confidential") == 0
    evidence = tmp_path / "contract.pdf"
    evidence.write_bytes(b"%PDF-1.4 KAMELEON-CONTRACT " * 50)
    assert cli("attach", dossier_id, str(evidence), "--item", item["key"]) == 0
    assert cli("workspace", "encrypt", "--passphrase-file", str(secret_file)) == 0
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret_file))
    before = cli.json("show", dossier_id)
    archive = tmp_path / "usb" / "trip.ddtravel"
    assert cli("travel", "prepare", "-o", str(archive)) == 2 and "does not exist" in cli.err
    archive.parent.mkdir()
    assert cli("travel", "prepare", "--leave", "confidential,evidence", "-o", str(archive)) == 0
    assert "On the laptop during the trip: 1 dossier(s)." in cli.out
    during = cli.json("show", dossier_id)
    shown = next(i for i in during["items"] if i["key"] == item["key"])
    assert NOTE not in str(shown)
    assert cli("check") == 0, cli.out

    assert cli("travel", "return", str(archive)) == 0, cli.err
    assert cli.json("show", dossier_id) == before
    assert cli("travel", "return", str(archive)) == 2 and "not prepared for travel" in cli.err

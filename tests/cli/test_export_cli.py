"""`ddcheck export` and `ddcheck verify`: files written, exit codes 0 / 1 / 2, one-line errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pikepdf
import pytest

from ddcheck.cli import export as export_cli
from ddcheck.cli.main import main
from ddcheck.domain.dossier import Answer
from ddcheck.domain.gate import export_gate
from tests.factories import filled_dossier, make_snapshot, synthetic_template


@pytest.fixture
def snapshot(monkeypatch: pytest.MonkeyPatch):
    template = synthetic_template()
    dossier = filled_dossier({template.id: template})
    red_flag = Answer(template_id=template.id, item_id="q1-1", value="no", note="not yet")
    answers = [red_flag, *(a for a in dossier.answers if a.item_id != "q1-1")]
    actions = [a for a in dossier.actions if f"{template.id}/q1-1" not in a.item_keys]
    dossier = dossier.model_copy(update={"answers": answers, "actions": actions})
    snap = make_snapshot(dossier, {template.id: template})
    monkeypatch.setattr(export_cli, "load_snapshot", lambda args: snap)
    return snap


def test_export_refuses_an_adviser_export_with_blockers_unless_forced(
    snapshot, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    blockers = export_gate(snapshot.dossier, snapshot.templates).blockers
    assert blockers
    out = tmp_path / "r.pdf"
    assert main(["export", "d-0001", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "blocker:" in err and "add --force" in err
    assert not out.exists()
    assert main(["export", "d-0001", "-o", str(out), "--force", "--lang", "nl"]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}" in printed and "adviser, nl" in printed
    assert out.read_bytes().startswith(b"%PDF")


def test_export_prints_the_gate_warnings_such_as_expired_evidence(
    snapshot, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = snapshot.dossier
    mission = dossier.mission.model_copy(
        update={"start": dt.date(2027, 2, 14), "end": dt.date(2027, 2, 18)}
    )
    link = dossier.evidence[0].model_copy(
        update={"location": "S:\\HR\\audit.pdf", "valid_until": dt.date(2027, 1, 31)}
    )
    expired = dossier.model_copy(
        update={"mission": mission, "evidence": [link, *dossier.evidence[1:]]}
    )
    monkeypatch.setattr(
        export_cli, "load_snapshot", lambda args: make_snapshot(expired, snapshot.templates)
    )
    out = tmp_path / "r.pdf"
    assert main(["export", "d-0001", "-o", str(out), "--force", "--lang", "nl"]) == 0
    err = capsys.readouterr().err
    assert (
        "warning: Bewijsstuk verlopen voor het einde van de missie (18-02-2027): "
        f"{link.name}, geldig tot 31-01-2027"
    ) in err
    assert "blocker:" in err and out.is_file()


def test_internal_export_needs_no_gate(snapshot, tmp_path: Path, capsys) -> None:
    out = tmp_path / "internal.pdf"
    assert main(["export", "d-0001", "-o", str(out), "--audience", "internal"]) == 0
    assert "internal" in capsys.readouterr().out


def test_export_to_a_folder_is_a_user_error(snapshot, tmp_path: Path, capsys) -> None:
    assert main(["export", "d-0001", "-o", str(tmp_path), "--audience", "internal"]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_verify_exit_codes(snapshot, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "r.pdf"
    assert main(["export", "d-0001", "-o", str(out), "--force"]) == 0
    capsys.readouterr()
    assert main(["verify", str(out)]) == 0
    assert "match" in capsys.readouterr().out
    assert main(["verify", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and len(report["fingerprint"]) == 64 and report["problems"] == []

    edited = tmp_path / "edited.pdf"
    with pikepdf.open(out) as pdf:
        for page in pdf.pages:
            data = page.Contents.read_bytes()
            page.Contents.write(data.replace(b"with our supplier", b"with nobody at all"))
        pdf.save(edited)
    assert main(["verify", str(edited)]) == 1
    assert "MISMATCH" in capsys.readouterr().err

    junk = tmp_path / "junk.pdf"
    junk.write_text("not a pdf")
    assert main(["verify", str(junk)]) == 2
    err = capsys.readouterr().err
    assert "not a ddcheck report" in err and "Traceback" not in err
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_export_and_verify_a_dossier_from_a_real_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from ddcheck.services import Workspace
    from tests.factories import make_company, make_mission

    data = tmp_path / "ws"
    with Workspace.open(data) as workspace:
        dossier = workspace.create_dossier(make_company(), make_mission(), "en")
        use = dossier.templates[0]
        template = workspace.templates[use.id]
        items = [item for _, item in template.iter_items()][:3]
        for index, item in enumerate(items):
            workspace.answer(
                dossier.id,
                template.id,
                item.id,
                note=f"note {index} {'TOPSECRET' if index == 1 else 'open'}",
                confidential=index == 1,
            )
    out = tmp_path / "dossier.pdf"
    code = main(["--data-dir", str(data), "export", dossier.id[:8], "-o", str(out), "--force"])
    assert code == 0, capsys.readouterr().err
    assert main(["verify", str(out)]) == 0
    from tests.report.pdf_tools import deep_scan

    assert b"TOPSECRET" not in deep_scan(out)
    internal = tmp_path / "internal.pdf"
    args = ["--data-dir", str(data), "export", dossier.id, "-o", str(internal)]
    assert main([*args, "--audience", "internal"]) == 0
    assert b"TOPSECRET" in deep_scan(internal)


def test_progress_goes_to_stderr_in_steps_once_an_export_takes_a_while(
    capsys: pytest.CaptureFixture,
) -> None:
    progress = export_cli._StderrProgress(delay=0)
    for done in range(0, 1001, 50):
        progress(done, 1000)
    progress.finish()
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"exporting… {p:3d} %" for p in (0, 20, 40, 60, 80, 100)]


@pytest.mark.parametrize("name", ["x.pdf", "x.ddcheck"])
def test_export_refuses_a_folder_that_does_not_exist(tmp_path, capsys, name):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    dossier_id = capsys.readouterr().out.split()[0]
    target = tmp_path / "nonexistent" / "dir" / name
    code = main(["--data-dir", str(data), "export", dossier_id, "-o", str(target), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and err.count("\n") == 1
    assert not (tmp_path / "nonexistent").exists()

"""A mission from the command line alone: the adviser's pack, two companies, the overview."""

from __future__ import annotations

import json
from pathlib import Path

from ddcheck.cli.main import main


def _run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _ok(capsys, data: Path, *args: str) -> str:
    code, out, err = _run(capsys, data, *args)
    assert code == 0, err
    return out


def test_an_adviser_sees_who_of_the_mission_sent_a_dossier_and_who_did_not(
    tmp_path: Path, capsys
) -> None:
    adviser, folder = tmp_path / "adviser", tmp_path / "shared"
    folder.mkdir()
    csv = tmp_path / "participants.csv"
    csv.write_text(
        "company,kvk\nAlfa B.V.,12345678\nBeta B.V.,87654321\nGamma B.V.,11223344\n",
        encoding="utf-8",
    )
    mission_id = _ok(
        capsys, adviser, "mission", "new", "--name", "Handelsmissie Saoedi-Arabië 2027",
        "--destinations", "SA,AE", "--start", "2027-02-01", "--end", "2027-02-05",
        "--deadline", "2027-01-15", "--checklist", "briefing-saudi-gulf",
        "--participants", str(csv),
    ).strip()  # fmt: skip
    pack = tmp_path / "mission.ddmission"
    _ok(capsys, adviser, "mission", "export", mission_id[:8], "-o", str(pack))

    for name, kvk in (("Alfa B.V.", "12345678"), ("Beta B.V.", "87654321")):
        company = tmp_path / kvk
        out = _ok(capsys, company, "import", str(pack))
        assert "ddcheck new --mission-pack" in out
        created = json.loads(
            _ok(
                capsys,
                company,
                "new",
                "--mission-pack",
                str(pack),
                "--company",
                name,
                "--kvk",
                kvk,
                "--json",
            )
        )
        assert created["mission"]["mission_id"] == mission_id
        assert created["mission"]["destinations"] == ["SA", "AE"]
        assert "briefing-saudi-gulf" in [t["id"] for t in created["templates"]]
        shown = json.loads(_ok(capsys, company, "show", created["id"][:8], "--json"))
        assert shown["mission"]["mission_id"] == mission_id
        pdf = folder / f"{kvk}.pdf"
        _ok(capsys, company, "export", created["id"], "-o", str(pdf), "--force")

    _ok(capsys, adviser, "import", *[str(p) for p in sorted(folder.iterdir())])
    overview = json.loads(_ok(capsys, adviser, "overview", "--json"))
    [mission] = overview["missions"]
    assert (mission["id"], mission["name"]) == (mission_id, "Handelsmissie Saoedi-Arabië 2027")
    assert [e["kvk"] for e in mission["expected"]] == ["12345678", "87654321", "11223344"]
    assert sorted(r["kvk"] for r in mission["received"]) == ["12345678", "87654321"]
    assert [m["kvk"] for m in mission["missing"]] == ["11223344"]
    text = _ok(capsys, adviser, "overview")
    assert "3 expected, 2 received, 1 missing" in text
    pdf = tmp_path / "overview.pdf"
    one = json.loads(
        _ok(capsys, adviser, "overview", "--mission", mission_id[:8], "--pdf", str(pdf), "--json")
    )
    assert [m["id"] for m in one["missions"]] == [mission_id] and len(one["rows"]) == 2
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_an_older_dossier_is_proposed_by_kvk_and_dates_and_attached_on_confirmation(
    tmp_path: Path, capsys
) -> None:
    adviser, company = tmp_path / "adviser", tmp_path / "company"
    csv = tmp_path / "participants.csv"
    csv.write_text("Gamma B.V.,11223344\n", encoding="utf-8")
    mission_id = _ok(
        capsys, adviser, "mission", "new", "--name", "Missie Riyad", "--destinations", "SA",
        "--start", "2027-02-01", "--end", "2027-02-05", "--participants", str(csv),
    ).strip()  # fmt: skip
    created = json.loads(
        _ok(
            capsys,
            company,
            "new",
            "--company",
            "Gamma",
            "--kvk",
            "11223344",
            "--mission",
            "Saudi mission 2027",
            "--destinations",
            "SA",
            "--start",
            "2027-02-02",
            "--end",
            "2027-02-04",
            "--json",
        )
    )
    pdf = tmp_path / "gamma.pdf"
    _ok(capsys, company, "export", created["id"], "-o", str(pdf), "--force")
    _ok(capsys, adviser, "import", str(pdf))
    overview = json.loads(_ok(capsys, adviser, "overview", "--json"))
    [proposal] = overview["proposals"]
    assert (proposal["mission_id"], proposal["kvk"]) == (mission_id, "11223344")
    assert overview["missions"][0]["received"] == []  # never attached by guessing
    _ok(capsys, adviser, "mission", "attach", mission_id[:8], proposal["received_id"])
    overview = json.loads(_ok(capsys, adviser, "overview", "--json"))
    assert overview["proposals"] == []
    assert [r["kvk"] for r in overview["missions"][0]["received"]] == ["11223344"]
    assert overview["missions"][0]["missing"] == []


def test_a_hostile_pack_is_refused_by_import_and_new_and_changes_nothing(
    tmp_path: Path, capsys
) -> None:
    pack = tmp_path / "evil.ddmission"
    pack.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = _run(capsys, tmp_path / "c", "import", str(pack))
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = _run(
        capsys, tmp_path / "c", "new", "--mission-pack", str(pack), "--company", "X"
    )
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert json.loads(_ok(capsys, tmp_path / "c", "list", "--json")) == []
    assert json.loads(_ok(capsys, tmp_path / "c", "mission", "list", "--json")) == []


def test_a_pack_signed_by_another_key_gets_a_one_line_warning_and_unsigned_a_note(
    tmp_path: Path, capsys
) -> None:
    import datetime as dt

    from ddcheck.exchange.mission_pack import read_pack, write_pack
    from ddcheck.exchange.signing import SigningKey

    adviser = tmp_path / "adviser"
    mission_id = _ok(
        capsys, adviser, "mission", "new", "--name", "Missie", "--destinations", "SA",
        "--start", "2027-02-01", "--end", "2027-02-05", "--checklist", "briefing-saudi-gulf",
    ).strip()  # fmt: skip
    pack = tmp_path / "mission.ddmission"
    _ok(capsys, adviser, "mission", "export", mission_id[:8], "-o", str(pack))
    contents = read_pack(pack)
    forged, unsigned = tmp_path / "forged.ddmission", tmp_path / "unsigned.ddmission"
    mallory = SigningKey.create("Mallory\x1b[2J", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    forged.write_bytes(write_pack(contents.mission, contents.checklists, mallory))
    unsigned.write_bytes(write_pack(contents.mission, contents.checklists))
    company = tmp_path / "company"
    first = _ok(capsys, company, "import", str(pack))
    assert "WARNING" not in first and "[unsigned]" not in first
    out = _ok(capsys, company, "import", str(forged))
    [warning] = [t for t in out.splitlines() if "WARNING" in t]
    assert "another key" in warning and "[SIGNED WITH ANOTHER KEY]" in out and "\x1b" not in out
    code, _, err = _run(
        capsys, company, "new", "--mission-pack", str(forged), "--company", "A", "--json"
    )
    assert code == 0 and len([t for t in err.splitlines() if "WARNING" in t]) == 1
    reply = json.loads(_ok(capsys, company, "import", str(forged), "--json"))
    assert reply[0]["signature"] == "other_key"
    fresh = tmp_path / "fresh"
    out = _ok(capsys, fresh, "import", str(unsigned))
    assert "[unsigned]" in out and "not signed" in out and "WARNING" not in out

"""Issue 12, done when: a mission acted out from the command line alone through a shared folder."""

from __future__ import annotations

import hashlib
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


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_two_advisers_and_three_companies_act_out_a_mission_through_a_folder(
    tmp_path: Path, capsys
) -> None:
    anna, bram, shared = tmp_path / "anna", tmp_path / "bram", tmp_path / "shared"
    shared.mkdir()
    csv = tmp_path / "participants.csv"
    csv.write_text(
        "company,kvk\nAlfa B.V.,12345678\nBeta B.V.,87654321\nGamma B.V.,11223344\n",
        encoding="utf-8",
    )
    mission_id = _ok(
        capsys, anna, "mission", "new", "--name", "Handelsmissie Saoedi-Arabië 2027",
        "--destinations", "SA", "--start", "2027-02-01", "--end", "2027-02-05",
        "--deadline", "2027-01-15", "--participants", str(csv),
    ).strip()  # fmt: skip
    pack = shared / "mission.ddmission"
    _ok(capsys, anna, "mission", "export", mission_id[:8], "-o", str(pack))

    dossiers = {}
    for name, kvk in (("Alfa B.V.", "12345678"), ("Beta B.V.", "87654321")):
        company = tmp_path / kvk
        created = json.loads(
            _ok(capsys, company, "new", "--mission-pack", str(pack), "--company", name,
                "--kvk", kvk, "--json")
        )  # fmt: skip
        dossiers[name] = created["id"]
        shown = json.loads(_ok(capsys, company, "show", created["id"], "--json"))
        items = [a for a in shown["items"] if a["scale"] == "status"][:3]
        assert items
        for item in items:
            _ok(capsys, company, "answer", created["id"], item["key"], "yes", "--note", "Done.")
        _ok(capsys, company, "export", created["id"], "-o", str(shared / f"{kvk}.pdf"))

    for adviser in (anna, bram):
        out = _ok(capsys, adviser, "sync", str(shared))
        assert "refused" not in out
    overview = json.loads(_ok(capsys, bram, "overview", "--json"))
    [mission] = overview["missions"]
    assert mission["id"] == mission_id
    assert sorted(r["kvk"] for r in mission["received"]) == ["12345678", "87654321"]
    assert [m["kvk"] for m in mission["missing"]] == ["11223344"]

    alfa = dossiers["Alfa B.V."]
    keys = sorted(
        json.loads(_ok(capsys, anna, "received", "show", alfa, "--json"))["rendered_answers"]
    )
    first, second = keys[0], keys[1]
    _ok(capsys, anna, "review", alfa, "assess", first, "question", "--comment", "Anna asks.")
    _ok(capsys, bram, "review", alfa, "assess", second, "accepted", "--comment", "Bram agrees.")
    _ok(capsys, anna, "review", alfa, "verdict", "sufficient")
    _ok(capsys, bram, "review", alfa, "verdict", "insufficient")
    for adviser in (anna, bram, anna):
        _ok(capsys, adviser, "sync", str(shared))
    before = _hashes(shared)
    for adviser in (anna, bram):
        review = json.loads(_ok(capsys, adviser, "review", alfa, "show", "--json"))
        comments = {f"{i['template_id']}/{i['item_id']}": i["comment"] for i in review["items"]}
        assert comments == {first: "Anna asks.", second: "Bram agrees."}
        conflicts = json.loads(_ok(capsys, adviser, "review", alfa, "conflicts", "--json"))
        assert [c["field"] for c in conflicts] == [["review", "", "verdict"]]
        assert sorted(v["value"] for v in conflicts[0]["values"]) == ["insufficient", "sufficient"]
        assert "nothing new" in _ok(capsys, adviser, "sync", str(shared))
    assert _hashes(shared) == before  # nothing in the folder was rewritten

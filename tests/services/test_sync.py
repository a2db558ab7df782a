"""Two advisers share a mission folder: imports, merged reviews, conflicts, append-only files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ddcheck.services import InvalidInput, Workspace
from ddcheck.store import received as received_rows
from tests.services.exchange_helpers import dump, filled, open_workspace


def _files(folder: Path) -> dict[str, tuple[int, str]]:
    """Return every file in the folder with its mtime and content hash."""
    return {
        p.relative_to(folder).as_posix(): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def mission(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace, Path]]:
    """Two adviser workspaces and a shared folder holding two companies' PDFs."""
    shared = tmp_path / "shared"
    shared.mkdir()
    for number, name in enumerate(("Van Dijk BV", "Bakker Bouw BV")):
        with open_workspace(tmp_path / f"company{number}") as company:
            dossier = filled(company, company=name)
            company.export_pdf(dossier.id, shared / "in" / f"{name}.pdf", lang="nl")
    with (
        open_workspace(tmp_path / "anna", user="Anna de Vries") as anna,
        open_workspace(tmp_path / "bram", user="Bram Jansen") as bram,
    ):
        yield anna, bram, shared


def _sync(ws: Workspace, folder: Path):
    return ws.sync_folder(folder, settle_seconds=0)


def _received(ws: Workspace) -> dict[str, str]:
    return {r.company: r.id for r in received_rows.list_received(ws._store.conn)}


def _van_dijk(ws: Workspace) -> str:
    return _received(ws)["Van Dijk BV"]


def test_both_advisers_import_the_pdfs_and_a_second_sync_imports_nothing(mission) -> None:
    anna, bram, shared = mission
    first = _sync(anna, shared)
    assert len(first.of("imported")) == 2 and not first.of("refused")
    assert len(_sync(bram, shared).of("imported")) == 2
    again = _sync(anna, shared)
    assert again.nothing_new and again.seen_before == 2
    assert set(_received(bram)) == {"Van Dijk BV", "Bakker Bouw BV"}


def test_comments_on_different_items_both_survive_and_one_verdict_conflict_is_shown(
    mission,
) -> None:
    anna, bram, shared = mission
    _sync(anna, shared)
    _sync(bram, shared)
    a, b = _van_dijk(anna), _van_dijk(bram)
    anna.assess_item(a, "mini/grievance", "accepted", "Base.")
    _sync(anna, shared)
    _sync(bram, shared)  # the common base: grievance accepted
    assert bram.review_of(b).items[0].comment == "Base."
    anna.assess_item(a, "mini/policy", "accepted", "Anna: policy fine.")
    bram.assess_item(b, "mini/ekv-esap", "question", "Bram: where is the ESAP?")
    anna.assess_item(a, "mini/grievance", "insufficient", "Base.")
    bram.assess_item(b, "mini/grievance", "question", "Base.")
    for ws in (anna, bram, anna):
        _sync(ws, shared)
    for ws, rid in ((anna, a), (bram, b)):
        comments = {i.key: i.comment for i in ws.review_of(rid).items}
        assert comments["mini/policy"] == "Anna: policy fine."
        assert comments["mini/ekv-esap"] == "Bram: where is the ESAP?"
        conflicts = ws.sync_conflicts(rid)
        assert [c.conflict.ref for c in conflicts] == [("item", "mini/grievance", "assessment")]
        values = {e.author_name: e.value for e in conflicts[0].conflict.edits}
        assert values == {"Anna de Vries": "insufficient", "Bram Jansen": "question"}
    # each keeps its own value until choosing; nothing was lost
    assert {i.key: i.assessment for i in anna.review_of(a).items}[
        "mini/grievance"
    ] == "insufficient"
    bram.resolve_conflict(b, ("item", "mini/grievance", "assessment"), "insufficient")
    assert bram.sync_conflicts(b) == []
    _sync(bram, shared)
    _sync(anna, shared)
    assert anna.sync_conflicts(a) == []
    assert {i.key: i.assessment for i in bram.review_of(b).items}[
        "mini/grievance"
    ] == "insufficient"


def test_an_own_later_change_resolves_a_conflict(mission) -> None:
    anna, bram, shared = mission
    _sync(anna, shared)
    _sync(bram, shared)
    a, b = _van_dijk(anna), _van_dijk(bram)
    anna.set_verdict(a, "sufficient")
    bram.set_verdict(b, "insufficient")
    for ws in (anna, bram, anna):
        _sync(ws, shared)
    assert len(anna.sync_conflicts(a)) == 1
    anna.set_verdict(a, "sufficient_with_actions")
    assert anna.sync_conflicts(a) == []
    _sync(anna, shared)
    _sync(bram, shared)
    assert bram.review_of(b).verdict == "sufficient_with_actions"
    assert bram.sync_conflicts(b) == []


def test_files_in_the_folder_are_never_rewritten(mission) -> None:
    anna, _, shared = mission
    _sync(anna, shared)
    a = _van_dijk(anna)
    anna.assess_item(a, "mini/policy", "accepted", "One.")
    _sync(anna, shared)
    before = _files(shared)
    anna.assess_item(a, "mini/policy", "accepted", "Two.")
    report = _sync(anna, shared)
    assert len(report.of("written")) == 1
    after = _files(shared)
    assert {k: v for k, v in after.items() if k in before} == before
    assert len(after) == len(before) + 1
    assert _sync(anna, shared).nothing_new
    assert _files(shared) == after


def test_a_hostile_file_is_skipped_with_one_line_and_changes_nothing(
    mission, tmp_path: Path
) -> None:
    anna, _, shared = mission
    _sync(anna, shared)
    (shared / "evil.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 500)
    (shared / "reviews").mkdir(exist_ok=True)
    (shared / "reviews" / "evil.ddreview").write_text('{"format": "ddcheck-review-changes"}')
    (shared / "half.pdf.partial").write_bytes(b"%PDF-")
    (shared / "~$notes.ddcheck").write_bytes(b"PK")
    anna.close()
    before = dump(tmp_path / "anna" / "workspace.sqlite")
    with open_workspace(tmp_path / "anna", user="Anna de Vries") as again:
        report = _sync(again, shared)
        refused = {f.name: f.message for f in report.of("refused")}
        assert set(refused) == {"evil.pdf", "reviews/evil.ddreview"}
        assert all("\n" not in m and "was not imported" in m for m in refused.values())
        assert {f.name for f in report.of("skipped")} == {"half.pdf.partial", "~$notes.ddcheck"}
        assert len(_received(again)) == 2
    after = dump(tmp_path / "anna" / "workspace.sqlite")
    changed = {t for (t, rows), (_, old) in zip(after, before, strict=True) if rows != old}
    assert changed <= {"sync_files"}  # only the refusals are remembered


def test_the_folder_may_not_be_inside_the_workspace_or_hold_it(mission, tmp_path: Path) -> None:
    anna, _, _ = mission
    inside = tmp_path / "anna" / "shared"
    inside.mkdir()
    with pytest.raises(InvalidInput, match="inside one another"):
        anna.sync_folder(inside)
    with pytest.raises(InvalidInput, match="inside one another"):
        anna.sync_folder(tmp_path)


def test_a_change_made_while_a_sync_runs_is_kept_and_goes_out_next_time(mission) -> None:
    anna, bram, shared = mission
    _sync(anna, shared)
    _sync(bram, shared)
    a, b = _van_dijk(anna), _van_dijk(bram)
    bram.assess_item(b, "mini/policy", "question", "Bram asks.")
    _sync(bram, shared)
    capture = anna._capture_local_edits

    def capture_then_type() -> None:  # the adviser types in the app while the sync runs
        capture()
        anna.assess_item(a, "mini/policy", "accepted", "Anna, typed during the sync.")

    anna._capture_local_edits = capture_then_type  # type: ignore[method-assign]
    _sync(anna, shared)
    del anna._capture_local_edits
    assert anna.review_of(a).items[0].comment == "Anna, typed during the sync."
    _sync(anna, shared)
    _sync(bram, shared)
    assert bram.review_of(b).items[0].comment == "Anna, typed during the sync."
    assert anna.sync_conflicts(a) == [] and bram.sync_conflicts(b) == []

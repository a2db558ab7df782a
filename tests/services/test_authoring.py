"""Templates advisers write: import with validation, newer versions replace older, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.catalog import load_shipped_catalog, load_template_file
from ddcheck.services import NotFound, Workspace
from ddcheck.services.received_model import ImportRefused
from tests.services.conftest import TEMPLATES
from tests.services.exchange_helpers import filled, open_workspace


@pytest.fixture
def ws(tmp_path: Path):
    with open_workspace(tmp_path / "ws") as opened:
        yield opened


def test_a_newer_version_replaces_the_older_and_keeps_answers(ws: Workspace) -> None:
    dossier = filled(ws)
    result = ws.import_template(TEMPLATES / "mini-v2.yaml")
    assert result.status == "newer" and result.replaced_version == 1
    assert ws.templates["mini"].version == 2
    assert result.stored_at.read_bytes() == (TEMPLATES / "mini-v2.yaml").read_bytes()
    assert [p.name for p in ws.imported_template_files()] == ["mini-v2.yaml"]
    after = ws.get_dossier(dossier.id)
    assert [u.version for u in after.templates if u.id == "mini"] == [2]
    assert after.answer("mini", "policy").value == "yes"
    again = ws.import_template(TEMPLATES / "mini-v2.yaml")
    assert again.status == "unchanged"
    with pytest.raises(ImportRefused, match="not newer"):
        ws.import_template(TEMPLATES / "mini-v1.yaml")


def test_the_imported_folder_is_an_extra_catalog_folder(ws: Workspace) -> None:
    ws.import_template(TEMPLATES / "mini-v2.yaml")
    catalog = load_shipped_catalog(extra_dirs=[ws.templates_dir])
    assert catalog.get("mini").version == 2


def test_a_broken_template_is_refused_with_every_problem_and_its_line(
    ws: Workspace, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    text = (TEMPLATES / "mini-v2.yaml").read_text().replace("scale: status", "scale: colour", 1)
    broken.write_text(text)
    with pytest.raises(ImportRefused) as caught:
        ws.import_template(broken)
    assert str(caught.value).startswith("broken.yaml was not imported: ")
    assert caught.value.problems and all("broken.yaml:" in p for p in caught.value.problems)
    assert any("colour" in p for p in caught.value.problems)
    assert ws.templates["mini"].version == 1 and not ws.imported_template_files()


def test_export_writes_a_file_that_imports_again(ws: Workspace, tmp_path: Path) -> None:
    ws.import_template(TEMPLATES / "mini-v2.yaml")
    out = ws.export_template("mini", tmp_path / "shared.yaml")
    assert out.read_bytes() == (TEMPLATES / "mini-v2.yaml").read_bytes()
    generated = ws.export_template("briefing-sa", tmp_path / "briefing.yaml")
    again = load_template_file(generated, ws.catalog.registry)
    assert again == ws.templates["briefing-sa"]
    with pytest.raises(NotFound):
        ws.export_template("nothing", tmp_path / "x.yaml")
    with open_workspace(tmp_path / "company") as company:
        assert company.import_template(out).status == "newer"

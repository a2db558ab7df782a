"""Templates advisers write: import with validation, newer versions replace older, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcheck.catalog import load_shipped_catalog, load_template_file
from ddcheck.services import InvalidInput, NotFound, Workspace
from ddcheck.services.received_model import ImportRefused
from tests.services.conftest import TEMPLATES
from tests.services.exchange_helpers import filled, open_workspace


@pytest.fixture
def ws(tmp_path: Path):
    with open_workspace(tmp_path / "ws") as opened:
        yield opened


def test_a_newer_version_replaces_the_older_and_keeps_answers(ws: Workspace) -> None:
    dossier = filled(ws)
    result = ws.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
    assert result.status == "newer" and result.replaced_version == 1
    assert ws.templates["mini"].version == 2
    assert result.stored_at.read_bytes() == (TEMPLATES / "mini-v2.yaml").read_bytes()
    assert [p.name for p in ws.imported_template_files()] == ["mini-v2.yaml"]
    after = ws.get_dossier(dossier.id)
    assert [u.version for u in after.templates if u.id == "mini"] == [2]
    assert after.answer("mini", "policy").value == "yes"
    again = ws.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
    assert again.status == "unchanged"
    with pytest.raises(ImportRefused, match="not newer"):
        ws.import_template(TEMPLATES / "mini-v1.yaml", replace_built_in=True)


def test_the_imported_folder_is_an_extra_catalog_folder(ws: Workspace) -> None:
    ws.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
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
    ws.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
    out = ws.export_template("mini", tmp_path / "shared.yaml")
    assert out.read_bytes() == (TEMPLATES / "mini-v2.yaml").read_bytes()
    generated = ws.export_template("briefing-sa", tmp_path / "briefing.yaml")
    again = load_template_file(generated, ws.catalog.registry)
    assert again == ws.templates["briefing-sa"]
    with pytest.raises(NotFound):
        ws.export_template("nothing", tmp_path / "x.yaml")
    with open_workspace(tmp_path / "company") as company:
        assert company.import_template(out, replace_built_in=True).status == "newer"


def test_a_built_in_checklist_is_not_replaced_without_asking_and_can_be_put_back(
    ws: Workspace,
) -> None:
    dossier = filled(ws)
    with pytest.raises(ImportRefused) as caught:
        ws.import_template(TEMPLATES / "mini-v2.yaml")
    message = str(caught.value)
    assert "\n" not in message and "'mini' is a checklist built into ddcheck" in message
    assert "another id" in message and "--replace-built-in" in message
    assert ws.templates["mini"].version == 1 and not ws.imported_template_files()
    ws.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
    assert ws.templates["mini"].version == 2
    changes = ws.revert_template("mini")
    assert changes and ws.templates["mini"] == ws.catalog.templates["mini"]
    assert not ws.imported_template_files()
    after = ws.get_dossier(dossier.id)
    assert [u.version for u in after.templates if u.id == "mini"] == [1]
    assert after.answer("mini", "policy").value == "yes"
    with pytest.raises(InvalidInput, match="never replaced"):
        ws.revert_template("mini")
    with pytest.raises(InvalidInput, match="not a checklist built into ddcheck"):
        ws.revert_template("nothing")


def test_the_not_newer_refusal_gives_its_reason(ws: Workspace) -> None:
    ws.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
    with pytest.raises(ImportRefused) as caught:
        ws.import_template(TEMPLATES / "mini-v1.yaml", replace_built_in=True)
    assert "version 1 is not newer than the version 2 in use; raise its version number" in str(
        caught.value
    )


def test_a_stored_template_that_no_longer_reads_does_not_lock_the_workspace_out(
    tmp_path: Path,
) -> None:
    """A 195-deep condition stored by an older version: the workspace still opens."""
    with open_workspace(tmp_path / "ws") as first:
        filled(first)
        condition = '{"profile": "size", "equals": "small"}'
        for _ in range(195):
            condition = '{"not": ' + condition + "}"
        body = (TEMPLATES / "mini-v2.yaml").read_text()
        import yaml

        data = yaml.safe_load(body)
        data["id"] = "deep"
        text = json.dumps(data)[:-1] + ', "applies_if": ' + condition + "}"
        first._store.conn.execute(
            "INSERT INTO custom_templates (id, version, body, added_at) VALUES (?, ?, ?, ?)",
            ("deep", 1, text, "2026-01-01T00:00:00+00:00"),
        )
        first._store.conn.commit()
    with open_workspace(tmp_path / "ws") as again:
        assert "deep" not in again.templates and again.list_dossiers()

"""In the app, the company accepts the adviser's new key when a review comes signed with one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.adviser_helpers import adviser, company, company_pdf, import_files, start_app

__all__ = ["adviser", "company", "company_pdf"]  # fixtures used by the tests below


def _review(workspace: Any, pdf: Path, out: Path) -> Path:
    received_id = workspace.import_file(pdf).received_id
    workspace.set_verdict(received_id, "sufficient", "Fine.")
    return workspace.export_review_file(received_id, out).path


def test_a_review_with_the_advisers_new_key_offers_to_accept_it_after_a_check(
    qtbot: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    catalog: Any,
    tmp_path: Path,
    prompts: Any,
) -> None:
    from ddcheck.services import Workspace

    dossier, pdf = company_pdf
    old = _review(adviser, pdf, tmp_path / "old.ddreview")
    with Workspace.open(tmp_path / "new-laptop", user="adviser", catalog=catalog) as laptop:
        new = _review(laptop, pdf, tmp_path / "new.ddreview")
        new_key = laptop.own_signer().short_id
    app = start_app(qtbot, tmp_path / "company-ui", company, prompts)
    import_files(qtbot, app, prompts, [old])
    assert not [t for k, t in prompts.asked if k == "confirm"]  # the first review pins its key

    prompts.confirms.append(False)  # not checked with the adviser yet: nothing changes
    import_files(qtbot, app, prompts, [new])
    [question] = [t for k, t in prompts.asked if k == "confirm"]
    assert new_key in question and "by phone or in person" in question
    assert company.import_file(new).new_key != ""

    prompts.confirms.append(True)  # checked: accept it
    asked = len(prompts.asked)
    prompts.files.append([new])
    app.window.import_action.trigger()
    qtbot.waitUntil(lambda: any("is now trusted" in t for _, t in prompts.asked[asked:]))
    assert company.import_file(new).new_key == ""
    assert any(h.field == "key_trusted" for h in company.history(dossier.id))

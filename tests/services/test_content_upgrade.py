"""A dossier answered on the checklists as shipped on 2026-12-04 opens on today's checklists with
every answer and note kept; exactly the items whose question or answer options changed (or that
were removed) are marked for re-confirmation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ddcheck.catalog import load_shipped_catalog
from ddcheck.domain.scales import AnswerScale
from ddcheck.services import Workspace

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
ANSWERED = json.loads((FIXTURE / "answered-2026-12-04.json").read_text(encoding="utf-8"))


def _options(scale: AnswerScale) -> list[dict[str, object]]:
    """Return the options an earlier answer depends on (not the later 'not yet known' ones)."""
    return [
        o.model_dump(mode="json", exclude={"information_requested"})
        for o in scale.options
        if not getattr(o, "information_requested", False)
    ]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory):
    target = tmp_path_factory.mktemp("content") / "workspace"
    shutil.copytree(FIXTURE / "workspace-2026-12-04", target)
    catalog = load_shipped_catalog()
    with Workspace.open(target, user="tester", catalog=catalog) as ws:
        (row,) = ws.list_dossiers()
        yield catalog, ws.get_dossier(row.id)


def test_every_answer_and_note_is_kept(upgraded) -> None:
    _, dossier = upgraded
    answers = dossier.answers_by_key()
    assert len(ANSWERED) == 235
    for key, before in ANSWERED.items():
        after = answers[key]
        expected = before["value"]
        if isinstance(expected, int):
            expected = float(expected)
        assert (after.value, after.note) == (expected, before["note"]), key


def test_the_dossier_moves_to_the_newest_versions(upgraded) -> None:
    catalog, dossier = upgraded
    for use in dossier.templates:
        assert use.version == catalog.templates[use.id].version


def test_exactly_the_changed_items_ask_for_reconfirmation(upgraded) -> None:
    catalog, dossier = upgraded
    answers = dossier.answers_by_key()
    for key, before in ANSWERED.items():
        template_id, item_id = key.split("/", 1)
        template = catalog.templates[template_id]
        item = template.item(item_id)
        if item is None or template.version == before["version"]:
            changed = item is None
        else:
            scale = template.scale_for(item)
            changed = (
                item.question.model_dump() != before["question"]
                or scale.id != before["scale"]
                or _options(scale) != before["options"]
            )
        assert answers[key].needs_reconfirmation is changed, key

"""Build the demo dossier (also used by the app's "Open the demo dossier") and synthetic ones."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.domain.applicability import ItemApplicability, applicable_items
from ddcheck.domain.dossier import Company, Dossier, Mission
from ddcheck.domain.scales import AnswerScale, ScaleOption
from ddcheck.domain.templates import Template
from ddcheck.domain.vocabulary import catalog_entry, in_both
from ddcheck.services import demo_content as content

if TYPE_CHECKING:
    from ddcheck.services.port import WorkspacePort
    from ddcheck.services.workspace import Workspace

SYNTHETIC_SCALES = ("status", "maturity", "yes_no", "text", "number", "ifc_result")


def build_demo(workspace: WorkspacePort, *, lang: str = "nl", fill: float = 0.6) -> Dossier:
    """Create the demo dossier: partly answered, with notes, risks, evidence, flags and actions."""
    rng = random.Random(2027)
    entries = {e.key: e for e in content.ENTRIES}
    with workspace.batch():  # all or nothing: a killed or failing demo leaves no dossier
        dossier = workspace.create_dossier(content.COMPANY, content.MISSION, language=lang)
        by_key = _answer_all_prepared(workspace, dossier.id, entries)
        for key, entry in by_key.items():
            if key not in entries and rng.random() < fill:
                _answer_generic(workspace, dossier.id, entry, rng)
        _attach_evidence(workspace, dossier.id, entries, by_key)
        _add_actions(workspace, dossier.id)
    return workspace.get_dossier(dossier.id)


def _answer_all_prepared(
    workspace: WorkspacePort, dossier_id: str, entries: dict[str, content.Entry]
) -> dict[str, ItemApplicability]:
    """Answer the prepared entries, again as earlier answers make more items apply."""
    done: set[str] = set()
    while True:
        dossier = workspace.get_dossier(dossier_id)
        by_key = {e.key: e for e in applicable_items(dossier, workspace.templates)}
        todo = [key for key in entries if key in by_key and key not in done]
        if not todo:
            return by_key
        for key in todo:
            _answer_prepared(workspace, dossier_id, by_key[key], entries[key])
            done.add(key)


def _answer_prepared(
    workspace: WorkspacePort, dossier_id: str, entry: ItemApplicability, prepared: content.Entry
) -> None:
    scale = entry.template.scale_for(entry.item)
    value = prepared.value
    if value is None and scale.is_choice:
        value = scale.options[min(1, len(scale.options) - 1)].id
    if scale.is_choice and scale.option(str(value)) is None:
        value = _pick(scale, entry, random.Random(prepared.key))[0].id
    workspace.answer(
        dossier_id,
        entry.template.id,
        entry.item.id,
        value=value,
        note=prepared.note,
        confidential=prepared.confidential,
        review=prepared.review,
        risk=prepared.risk,
    )


def _weight(option: ScaleOption, entry: ItemApplicability) -> float:
    if option.red_flag or option.id in entry.item.red_flags:
        return 0.15
    if option.not_applicable:
        return 0.3
    if option.gap:
        return 1.5
    return 4.0


def _pick(scale: AnswerScale, entry: ItemApplicability, rng: random.Random) -> list[ScaleOption]:
    weights = [_weight(o, entry) for o in scale.options]
    return rng.choices(list(scale.options), weights=weights, k=1)


def _answer_generic(
    workspace: WorkspacePort, dossier_id: str, entry: ItemApplicability, rng: random.Random
) -> None:
    scale = entry.template.scale_for(entry.item)
    note = ""
    value: Any
    if scale.is_choice:
        chosen = _pick(scale, entry, rng)
        if scale.kind == "multiple" and len(scale.options) > 2:
            combinable = [o for o in scale.options if not o.exclusive]
            chosen = rng.sample(combinable, k=min(2, len(combinable)))
        option = chosen[0]
        value = [o.id for o in chosen] if scale.kind == "multiple" else option.id
        if option.not_applicable:
            note = rng.choice(content.NA_NOTES)
        elif option.gap or option.needs_justification or option.red_flag:
            note = rng.choice(content.GAP_NOTES)
        elif scale.id in ("status", "maturity", "ifc_result"):
            note = rng.choice(content.GOOD_NOTES)
    elif scale.kind == "number":
        value = rng.randint(2, 60)
    elif scale.kind == "date":
        value = "2027-01-15"
    else:
        value = rng.choice(content.TEXTS)
    workspace.answer(dossier_id, entry.template.id, entry.item.id, value=value, note=note)


def _attach_evidence(
    workspace: WorkspacePort,
    dossier_id: str,
    entries: dict[str, content.Entry],
    applicable: dict[str, ItemApplicability],
) -> None:
    files = content.evidence_files()
    wanted = {name: key for key, e in entries.items() for name in e.evidence if key in applicable}
    with tempfile.TemporaryDirectory(prefix="ddcheck-demo-") as folder:
        for name, data in files.items():
            path = Path(folder) / name
            path.write_bytes(data)
            workspace.attach_evidence(dossier_id, path, item_key=wanted.get(name))


def _add_actions(workspace: WorkspacePort, dossier_id: str) -> None:
    proposals = workspace.propose_actions(dossier_id)
    red = [p for p in proposals if p.priority == "high"]
    other = [p for p in proposals if p.priority != "high"][: len(content.GAP_ACTIONS)]
    for proposals_of_kind, settings in (
        (red, content.RED_FLAG_ACTIONS),
        (other, content.GAP_ACTIONS),
    ):
        for index, proposal in enumerate(proposals_of_kind):
            update = settings[index % len(settings)]
            workspace.add_action(dossier_id, proposal.model_copy(update=update))


def synthetic_template(items: int) -> Template:
    """Return a checklist of `items` items over the built-in scales, for benchmarks."""
    sections = []
    for start in range(0, items, 50):
        section_items = [
            {
                "id": f"q{n:05d}",
                "question": in_both(catalog_entry("demo", "Synthetic question {n}?"), n=n),
                "guidance": in_both(catalog_entry("demo", "For measurements.")),
                "scale": SYNTHETIC_SCALES[n % len(SYNTHETIC_SCALES)],
                "refs": [{"source": "oecd-ddg-2018"}],
            }
            for n in range(start, min(start + 50, items))
        ]
        sections.append(
            {
                "id": f"s{start // 50:03d}",
                "title": in_both(catalog_entry("demo", "Part {n}"), n=start // 50 + 1),
                "items": section_items,
            }
        )
    return Template.model_validate(
        {
            "id": f"synthetic-{items}",
            "version": 1,
            "title": in_both(catalog_entry("demo", "Synthetic ({n})"), n=items),
            "description": in_both(catalog_entry("demo", "For benchmarks.")),
            "sections": sections,
        }
    )


def build_synthetic(workspace: Workspace, items: int, *, lang: str = "en") -> Dossier:
    """Create a dossier whose synthetic checklist has `items` answered items."""
    template = synthetic_template(items)
    workspace.add_template(template)
    dossier = workspace.create_dossier(
        Company(name="Synthetic Benchmark B.V.", kvk_number="00000000"),
        Mission(name=f"Benchmark with {items} items"),
        language=lang,
    )
    rng = random.Random(items)
    with workspace.batch():
        for _, item in template.iter_items():
            entry_scale = template.scale_for(item)
            value: Any
            if entry_scale.is_choice:
                value = rng.choice([o for o in entry_scale.options if not o.not_applicable]).id
            elif entry_scale.kind == "number":
                value = rng.randint(0, 500)
            else:
                value = f"Synthetic answer {item.id}"
            workspace.answer(
                dossier.id, template.id, item.id, value=value, note="gap" * (rng.random() < 0.2)
            )
    return workspace.get_dossier(dossier.id)

"""The shipped checklists: complete, bilingual, traceable to the letters, and chosen by profile."""

from __future__ import annotations

from collections import Counter

import pytest

from ddcheck.catalog import Catalog, load_shipped_catalog
from ddcheck.domain.applicability import choose_templates
from ddcheck.domain.conditions import referenced_answers
from ddcheck.domain.dossier import Company, Mission

MINIMUM_ITEMS = {
    "oecd-selfscan": 45,
    "ifc-screening": 60,
    "briefing-saudi-gulf": 40,
    "briefing-china-hk": 25,
}
OECD_SUB_STEPS = {
    "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "5.1", "6.1", "6.2",
}  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_shipped_catalog()


def test_the_four_checklists_ship_with_enough_items(catalog: Catalog) -> None:
    counts = {t.id: t.item_count for t in catalog.templates.values()}
    for template_id, minimum in MINIMUM_ITEMS.items():
        assert counts.get(template_id, 0) >= minimum, (template_id, counts)


def test_every_item_speaks_both_languages_and_explains_itself(catalog: Catalog) -> None:
    for template in catalog.templates.values():
        for _, item in template.iter_items():
            assert item.question.nl.strip() and item.question.en.strip()
            assert item.question.nl != item.question.en, (template.id, item.id)
            assert item.guidance.nl.strip() and item.guidance.en.strip(), (template.id, item.id)


def test_every_reference_resolves(catalog: Catalog) -> None:
    registry = catalog.registry
    for template in catalog.templates.values():
        local = {s.id for s in template.sources}
        for _, item in template.iter_items():
            for ref in item.refs:
                if ref.expectation:
                    assert registry.expectation(ref.expectation), (item.id, ref.expectation)
                else:
                    assert registry.source(ref.source) or ref.source in local, (item.id, ref)


def test_every_expectation_that_asks_something_of_companies_is_served_by_an_item(
    catalog: Catalog,
) -> None:
    """Informational expectations (the letter asks nothing of companies) need no item."""
    served = {
        ref.expectation
        for template in catalog.templates.values()
        for _, item in template.iter_items()
        for ref in item.refs
        if ref.expectation
    }
    expectations = {e.id for e in catalog.registry.expectations}
    assert len(expectations) >= 30
    asking = {e.id for e in catalog.registry.expectations if not e.informational}
    assert len(asking) >= 30
    assert asking - served == set()
    letters = Counter(e.letter for e in catalog.registry.expectations)
    assert set(letters) == {"letter-l1", "letter-l2"}


def test_gap_able_items_suggest_an_action(catalog: Catalog) -> None:
    missing = [
        (template.id, item.id)
        for template in catalog.templates.values()
        for _, item in template.iter_items()
        if (item.red_flags or item.gaps or any(o.gap for o in template.scale_for(item).options))
        and item.gap_action is None
    ]
    assert missing == []


def test_the_self_scan_covers_every_oecd_sub_step(catalog: Catalog) -> None:
    scan = catalog.get("oecd-selfscan")
    steps = {scan.oecd_step_of(item) for _, item in scan.iter_items()}
    assert steps >= OECD_SUB_STEPS


def test_ifc_screening_gates_ps2_to_ps8(catalog: Catalog) -> None:
    screening = catalog.get("ifc-screening")
    by_standard: dict[str, list[str]] = {}
    for section, item in screening.iter_items():
        standard = screening.ifc_standard_of(item)
        if standard:
            by_standard.setdefault(standard, []).append(item.id)
        if standard and standard != "PS1":
            gates = referenced_answers(item.applies_if) | referenced_answers(section.applies_if)
            is_gate = item.scale == "yes_no" and not gates
            assert is_gate or gates, f"{item.id} ({standard}) is not behind a gate"
    assert set(by_standard) == {f"PS{n}" for n in range(1, 9)}
    ifc_items = [i for _, i in screening.iter_items() if i.scale == "ifc_result"]
    assert len(ifc_items) >= 40


def test_briefings_are_tied_to_countries_and_dated(catalog: Catalog) -> None:
    gulf = catalog.get("briefing-saudi-gulf")
    china = catalog.get("briefing-china-hk")
    assert "SA" in gulf.countries and {"CN", "HK"} <= set(china.countries)
    for briefing in (gulf, china):
        assert briefing.kind == "briefing" and briefing.sources
        assert all(source.date <= briefing.valid_until for source in briefing.sources)


def test_gulf_briefing_screens_all_eleven_ilo_forced_labour_indicators(catalog: Catalog) -> None:
    gulf = catalog.get("briefing-saudi-gulf")
    indicator_refs = {
        ref.locator
        for _, item in gulf.iter_items()
        for ref in item.refs
        if ref.source == "ilo-forced-labour-indicators"
    }
    assert len(indicator_refs) >= 11, sorted(indicator_refs)


@pytest.mark.parametrize(
    "mission,expected",
    [
        (
            Mission(name="Riyadh", destinations=["SA"], export_credit_insurance=True),
            {"oecd-selfscan", "ifc-screening", "briefing-saudi-gulf"},
        ),
        (
            Mission(name="Shanghai", destinations=["CN"], activities=["export"]),
            {"oecd-selfscan", "briefing-china-hk"},
        ),
        (
            Mission(name="Hanoi", destinations=["VN"], activities=["project"]),
            {"oecd-selfscan", "ifc-screening"},
        ),
        (Mission(name="Berlin", destinations=["DE"]), {"oecd-selfscan"}),
    ],
)
def test_the_mission_profile_decides_what_applies(
    catalog: Catalog, mission: Mission, expected: set[str]
) -> None:
    choices = choose_templates(catalog.templates.values(), Company(name="X"), mission, "en")
    assert {c.template.id for c in choices if c.applies} == expected

"""The checklists' content as of December 2026: plain Dutch, one term per concept, acronyms
explained, the facts the content review corrected, and the new general, conflict and sector
items."""

from __future__ import annotations

import re

import pytest

from ddcheck.catalog import Catalog, load_shipped_catalog
from ddcheck.domain.applicability import choose_templates
from ddcheck.domain.dossier import Company, Mission

MAX_WORDS = 25
SHORT_SHARE = 0.90
# acronym -> words of which one must appear where it is first used (item guidance, its section's
# intro or the template description)
ACRONYMS = {
    "UNGP": ["Guiding Principles", "VN-richtlijnen"],
    "IFC": ["Internationale Financieringsmaatschappij", "IFC Performance Standards"],
    "ESIA": ["effectbeoordeling"],
    "ESMP": ["beheerplan", "beheersplan"],
    "ESMS": ["managementsysteem"],
    "ESAP": ["actieplan"],
    "RAP": ["hervestigingsplan"],
    "LRP": ["levensonderhoud"],
    "HRIA": ["effectanalyse"],
    "FPIC": ["instemming"],
    "WBGT": ["hittebelasting"],
    "UFLPA": ["Oeigoeren"],
    "CSDDD": ["zorgvuldigheid"],
    "CSRD": ["duurzaamheidsverslag"],
    "ADSB": ["Atradius"],
    "ekv": ["exportkredietverzekering"],
    "NCP": ["Nationaal Contactpunt"],
    "VSME": ["mkb"],
    "EUDR": ["ontbossing"],
    "CDIU": ["Douane"],
    "PIPL": ["persoonsgegevens"],
    "EHS": ["milieu-, gezondheids"],
    "WOAH": ["diergezondheid"],
    "IMVO": ["maatschappelijk verantwoord"],
    "MVO": ["maatschappelijk verantwoord"],
    "RVO": ["Rijksdienst"],
}
# concept -> words that must not be used for it (the chosen term is in the comment)
RETIRED_TERMS = [
    "klachtenregeling",  # klachtenmechanisme
    "klachtenkanaal",
    "klachtmogelijkheid",
    "IMVO-steunpunt",  # MVO-steunpunt, the letters' term
    "isolatie",  # isolement (ILO indicator)
    "schuldslavernij",  # schuldhorigheid (ILO indicator)
    "geborgd",  # plain Dutch: gezorgd, geregeld
    "licentieert",
    "jegens",
    "vertrouwelijk werkdocument",  # the letters promise no confidentiality
    "niet openbaar gemaakt",
    "voorlopig politiek akkoord",  # Omnibus I is adopted (only the letter's own text says so)
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_shipped_catalog()


def _words(text: str) -> int:
    return len(text.split())


def test_at_least_ninety_percent_of_dutch_questions_have_at_most_25_words(
    catalog: Catalog,
) -> None:
    questions = [
        (t.id, i.id, _words(i.question.nl))
        for t in catalog.templates.values()
        for _, i in t.iter_items()
    ]
    short = [q for q in questions if q[2] <= MAX_WORDS]
    share = len(short) / len(questions)
    assert share >= SHORT_SHARE, sorted((q for q in questions if q[2] > MAX_WORDS), key=str)


def test_every_item_asks_one_question(catalog: Catalog) -> None:
    several = [
        (t.id, i.id)
        for t in catalog.templates.values()
        for _, i in t.iter_items()
        if i.question.nl.count("?") != 1 or i.question.en.count("?") != 1
    ]
    assert several == []


def test_every_acronym_is_explained_where_a_checklist_first_uses_it(catalog: Catalog) -> None:
    unexplained = []
    for template in catalog.templates.values():
        for acronym, keys in ACRONYMS.items():
            pattern = re.compile(rf"(?<![A-Za-z]){re.escape(acronym)}(?![a-z])")
            first = next(
                (
                    (section, item)
                    for section, item in template.iter_items()
                    if pattern.search(item.question.nl) or pattern.search(item.guidance.nl)
                ),
                None,
            )
            if first is None:
                continue
            section, item = first
            context = " ".join(
                (
                    item.guidance.nl,
                    section.intro.nl if section.intro else "",
                    template.description.nl,
                )
            ).lower()
            if not any(key.lower() in context for key in keys):
                unexplained.append((template.id, acronym, item.id))
    assert unexplained == []


def _all_texts(catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    texts = []
    for template in catalog.templates.values():
        texts += [
            (template.id, template.title.get(lang)),
            (template.id, template.description.get(lang)),
        ]
        for section in template.sections:
            texts.append((section.id, section.title.get(lang)))
            if section.intro:
                texts.append((section.id, section.intro.get(lang)))
        for _, item in template.iter_items():
            texts += [(item.id, item.question.get(lang)), (item.id, item.guidance.get(lang))]
            if item.gap_action:
                texts.append((item.id, item.gap_action.get(lang)))
            texts += [(item.id, hint.get(lang)) for hint in item.evidence_hints]
        for scale in template.scales:
            texts += [(scale.id, option.label.get(lang)) for option in scale.options]
    return texts


def test_one_term_per_concept_and_no_retired_claims(catalog: Catalog) -> None:
    found = [
        (where, term)
        for where, text in _all_texts(catalog, "nl")
        for term in RETIRED_TERMS
        if term.lower() in text.lower()
    ]
    assert found == []
    saudi = [w for w, t in _all_texts(catalog, "nl") if "Saudi-Arabië" in t and "‘" not in t]
    assert saudi == []  # Saoedi-Arabië; only Amnesty's own quoted title keeps its spelling


def test_english_says_rbc_not_imvo(catalog: Catalog) -> None:
    imvo = [
        (where, text)
        for where, text in _all_texts(catalog, "en")
        if "IMVO" in text and "in Dutch: IMVO" not in text and "IMVO convenant" not in text
    ]
    assert imvo == []


def test_ifc_performance_standard_titles_are_the_official_ones(catalog: Catalog) -> None:
    screening = catalog.get("ifc-screening")
    titles = {s.id: s.title.en for s in screening.sections}
    assert titles["ps1"] == (
        "PS1 – Assessment and Management of Environmental and Social Risks and Impacts"
    )
    assert titles["ps6"] == (
        "PS6 – Biodiversity Conservation and Sustainable Management of Living Natural Resources"
    )
    assert (
        "Risico's en effecten" in titles["ps1"]
        or "effecten"
        in screening.sections[[s.id for s in screening.sections].index("ps1")].title.nl
    )
    ps8 = next(s for s in screening.sections if s.id == "ps8")
    assert ps8.intro is not None and "commercially" in ps8.intro.en


def test_omnibus_i_is_stated_as_adopted_with_its_thresholds(catalog: Catalog) -> None:
    scan = catalog.get("oecd-selfscan")
    eu_rules = scan.item("s0-eu-rules")
    assert eu_rules is not None
    en = eu_rules.guidance.en
    for fact in ("adopted and published", "5,000 employees", "€1.5 billion", "July 2029",
                 "1,000 employees", "€450 million", "VSME"):  # fmt: skip
        assert fact in en, fact
    assert "below-thresholds" in {o.id for o in scan.scale_for(eu_rules).options}
    csddd = catalog.registry.source("eu-csddd")
    assert csddd is not None and csddd.description is not None
    assert "5.000 werknemers" in csddd.description.nl and "juli 2029" in csddd.description.nl
    letter = catalog.registry.expectation("L2-R1-4")
    assert letter is not None and letter.advice is not None
    assert "9 december 2025" in letter.text.nl  # the letter's own words stay as history
    assert "aangenomen en gepubliceerd" in letter.advice.nl


def test_uflpa_sectors_and_hong_kong_2024_ordinance_are_current(catalog: Catalog) -> None:
    china = catalog.get("briefing-china-hk")
    sectors = china.item("cn-xj-high-priority-sectors")
    assert sectors is not None
    for sector in ("steel", "copper", "aluminium", "polysilicon"):
        assert sector in sectors.guidance.en
    assert "hk-safeguarding-national-security-ordinance-2024" in {s.id for s in china.sources}
    nsl = china.item("cn-nsl-awareness")
    assert nsl is not None and "2024" in nsl.guidance.en
    data = china.item("cn-data-access")
    assert data is not None and "lawyer" in data.guidance.en
    assert "buiten het land" not in data.guidance.nl


def test_the_general_scan_covers_the_missing_topics(catalog: Catalog) -> None:
    scan = catalog.get("oecd-selfscan")
    for item_id in ("s2-bribery-policy", "s2-bribery-agents", "s2-bribery-gifts",
                    "s2-environment", "s2-climate", "s2-animal-welfare", "s2-child-labour",
                    "s2-freedom-of-association", "s2-living-wage", "s7-commitment"):  # fmt: skip
        item = scan.item(item_id)
        assert item is not None, item_id
        assert item.gap_action is not None and item.evidence_hints, item_id
    assert catalog.get("ifc-screening").item("proj-anti-bribery") is not None
    declaration = scan.item("s7-declaration")
    assert declaration is not None and "OESO" not in declaration.question.nl


def test_forced_labour_items_tell_not_checked_from_indicator_found(catalog: Catalog) -> None:
    gulf = catalog.get("briefing-saudi-gulf")
    items = [i for s, i in gulf.iter_items() if s.id == "forced-labour"]
    assert len(items) == 11
    for item in items:
        options = {o.id: o for o in gulf.scale_for(item).options}
        assert options["found-not-addressed"].red_flag
        assert options["not-checked"].gap and not options["not-checked"].red_flag
        assert options["info-requested"].information_requested


@pytest.mark.parametrize(
    ("company", "mission", "expected"),
    [
        (
            Company(name="X", sector="construction-infrastructure"),
            Mission(name="M", destinations=["SA"]),
            {"oecd-selfscan", "briefing-saudi-gulf", "sector-construction-infrastructure"},
        ),
        (
            Company(name="X", sector="agri-food"),
            Mission(name="M", destinations=["UA", "PL"], high_risk_destinations=["UA"]),
            {"oecd-selfscan", "sector-agri-food", "briefing-conflict-areas"},
        ),
        (
            Company(name="X", sector="energy"),
            Mission(name="M", destinations=["NL"]),
            {"oecd-selfscan", "sector-energy"},
        ),
        (Company(name="X"), Mission(name="M", destinations=["UA"]), {"oecd-selfscan"}),
    ],
)
def test_sector_modules_and_the_conflict_briefing_apply_by_profile(
    catalog: Catalog, company: Company, mission: Mission, expected: set[str]
) -> None:
    choices = choose_templates(catalog.templates.values(), company, mission, "en")
    assert {c.template.id for c in choices if c.applies} == expected


def test_high_risk_areas_must_be_destinations() -> None:
    with pytest.raises(ValueError, match="not one of the destinations"):
        Mission(name="M", destinations=["PL"], high_risk_destinations=["UA"])

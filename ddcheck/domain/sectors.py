"""The fixed list of sectors a dossier can name; sector modules apply by these ids."""

from __future__ import annotations

from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Entry, catalog_entry, words_for

# the sector labels live in the word catalog under "sector"
SECTORS: dict[str, Entry] = {
    "construction-infrastructure": catalog_entry(
        "sector", "Construction and infrastructure (including dredging, ports and water)"
    ),
    "agri-food": catalog_entry("sector", "Agri-food and horticulture"),
    "energy": catalog_entry("sector", "Energy (including hydrogen and offshore)"),
    "high-tech": catalog_entry("sector", "High-tech, semiconductors and ICT"),
    "manufacturing": catalog_entry("sector", "Manufacturing and machinery"),
    "logistics-maritime": catalog_entry("sector", "Logistics and maritime"),
    "health-life-sciences": catalog_entry("sector", "Health and life sciences"),
    "textiles-apparel": catalog_entry("sector", "Textiles and apparel"),
    "financial-services": catalog_entry("sector", "Financial services"),
    "other-services": catalog_entry("sector", "Business services and other"),
}
SECTOR_IDS: tuple[str, ...] = tuple(SECTORS)


def sector_label(value: str, lang: Language) -> str:
    """Return the label of a sector id, or the value itself (older dossiers hold free text)."""
    label = SECTORS.get(value)
    return value if label is None else words_for(lang).entry(label)

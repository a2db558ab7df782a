"""The fixed list of sectors a dossier can name; sector modules apply by these ids."""

from __future__ import annotations

from ddcheck.domain.text import Language

SECTORS: dict[str, tuple[str, str]] = {
    "construction-infrastructure": (
        "Bouw en infrastructuur (ook baggeren, havens en water)",
        "Construction and infrastructure (including dredging, ports and water)",
    ),
    "agri-food": ("Agrifood en tuinbouw", "Agri-food and horticulture"),
    "energy": ("Energie (ook waterstof en offshore)", "Energy (including hydrogen and offshore)"),
    "high-tech": ("Hightech, halfgeleiders en ICT", "High-tech, semiconductors and ICT"),
    "manufacturing": ("Maakindustrie en machines", "Manufacturing and machinery"),
    "logistics-maritime": ("Logistiek en maritiem", "Logistics and maritime"),
    "health-life-sciences": ("Zorg en life sciences", "Health and life sciences"),
    "textiles-apparel": ("Textiel en kleding", "Textiles and apparel"),
    "financial-services": ("Financiële dienstverlening", "Financial services"),
    "other-services": ("Zakelijke dienstverlening en overig", "Business services and other"),
}
SECTOR_IDS: tuple[str, ...] = tuple(SECTORS)


def sector_label(value: str, lang: Language) -> str:
    """Return the label of a sector id, or the value itself (older dossiers hold free text)."""
    labels = SECTORS.get(value)
    if labels is None:
        return value
    return labels[0] if lang == "nl" else labels[1]

"""The short glossary at the end of the report, in Dutch and English."""

from __future__ import annotations

from ddcheck.domain.text import Language

# term, Dutch explanation, English explanation
GLOSSARY: tuple[tuple[str, str, str], ...] = (
    (
        "IMVO",
        "Internationaal maatschappelijk verantwoord ondernemen: de verwachting dat bedrijven "
        "risico’s voor mens en milieu in hun internationale activiteiten en ketens kennen, "
        "voorkomen en aanpakken.",
        "International responsible business conduct (in Dutch: internationaal maatschappelijk "
        "verantwoord ondernemen): the expectation that companies know, prevent and address risks "
        "to people and the environment in their international operations and value chains.",
    ),
    (
        "Due diligence",
        "Gepaste zorgvuldigheid: het doorlopende proces in zes stappen uit de OESO-richtlijnen om "
        "risico’s te identificeren, te voorkomen, te beperken en er verantwoording over af te "
        "leggen.",
        "The ongoing six-step process of the OECD Guidelines to identify, prevent, mitigate and "
        "account for adverse impacts.",
    ),
    (
        "ekv",
        "Exportkredietverzekering: verzekering van de Staat tegen het risico dat een buitenlandse "
        "koper niet betaalt; bij een aanvraag worden IMVO-risico’s beoordeeld.",
        "Export credit insurance (exportkredietverzekering): state insurance against the risk "
        "that a foreign buyer does not pay; an application includes a review of RBC risks.",
    ),
    (
        "ADSB",
        "Atradius Dutch State Business: voert de exportkredietverzekering uit namens de Staat "
        "(ministerie van Financiën) en toetst daarbij aan onder meer de IFC Performance "
        "Standards.",
        "Atradius Dutch State Business: runs export credit insurance on behalf of the Dutch "
        "State (Ministry of Finance) and reviews applications against, among others, the IFC "
        "Performance Standards.",
    ),
    (
        "ESAP",
        "Environmental and Social Action Plan: een actieplan met tijdpad om tekortkomingen ten "
        "opzichte van de IFC Performance Standards op te lossen.",
        "Environmental and Social Action Plan: a time-bound plan of actions to close gaps "
        "against the IFC Performance Standards.",
    ),
    (
        "RVO",
        "Rijksdienst voor Ondernemend Nederland: organiseert handelsmissies en toetst deelnemers "
        "aan de IMVO-voorwaarden.",
        "Netherlands Enterprise Agency: organises trade missions and checks participants "
        "against the RBC conditions.",
    ),
    (
        "OECD / OESO",
        "Organisatie voor Economische Samenwerking en Ontwikkeling; haar richtlijnen voor "
        "multinationale ondernemingen en de due-diligencehandreiking zijn de basis van IMVO.",
        "Organisation for Economic Co-operation and Development; its Guidelines for "
        "Multinational Enterprises and its Due Diligence Guidance underpin RBC.",
    ),
    (
        "IFC PS",
        "IFC Performance Standards (2012): acht normen (PS1–PS8) van de International Finance "
        "Corporation voor ecologische en sociale risico’s in projecten.",
        "IFC Performance Standards (2012): eight standards (PS1–PS8) of the International "
        "Finance Corporation for environmental and social risks in projects.",
    ),
)


def glossary(lang: Language) -> list[tuple[str, str]]:
    """Return (term, explanation) pairs in `lang`."""
    return [(term, nl if lang == "nl" else en) for term, nl, en in GLOSSARY]

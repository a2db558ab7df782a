"""The one glossary: the terms the app, its tooltips and the report explain, in both languages.

English is the source text; the Dutch lives in the gettext catalog (resources/i18n/nl.po). Qt-free:
the report's glossary page and the app's Help › Glossary read the same terms.
"""

from __future__ import annotations

from dataclasses import dataclass

from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import words_for


@dataclass(frozen=True)
class Term:
    """One term and its short explanation."""

    key: str
    term: str
    explanation: str


REPORT_TERMS = ("imvo", "due-diligence", "ekv", "adsb", "esap", "rvo", "oecd", "ifc-ps")
"""The terms the report's glossary page lists (the app shows them all)."""


def glossary(lang: Language) -> list[Term]:
    """Return every term with its explanation in `lang`."""
    tr = words_for(lang)
    return [
        Term(
            "imvo",
            "IMVO",
            tr(
                "International responsible business conduct (in Dutch: internationaal "
                "maatschappelijk verantwoord ondernemen): the expectation that companies know, "
                "prevent and address risks to people and the environment in their international "
                "operations and value chains."
            ),
        ),
        Term(
            "due-diligence",
            "Due diligence",
            tr(
                "The ongoing six-step process of the OECD Guidelines to identify, prevent, "
                "mitigate and account for adverse impacts."
            ),
        ),
        Term(
            "ekv",
            "ekv",
            tr(
                "Export credit insurance (exportkredietverzekering): state insurance against the "
                "risk that a foreign buyer does not pay; an application includes a review of RBC "
                "risks."
            ),
        ),
        Term(
            "adsb",
            "ADSB",
            tr(
                "Atradius Dutch State Business: runs export credit insurance on behalf of the "
                "Dutch State (Ministry of Finance) and reviews applications against, among "
                "others, the IFC Performance Standards."
            ),
        ),
        Term(
            "esap",
            "ESAP",
            tr(
                "Environmental and Social Action Plan: a time-bound plan of actions to close gaps "
                "against the IFC Performance Standards."
            ),
        ),
        Term(
            "rvo",
            "RVO",
            tr(
                "Netherlands Enterprise Agency: organises trade missions and checks participants "
                "against the RBC conditions."
            ),
        ),
        Term(
            "oecd",
            "OECD / OESO",
            tr(
                "Organisation for Economic Co-operation and Development; its Guidelines for "
                "Multinational Enterprises and its Due Diligence Guidance underpin RBC."
            ),
        ),
        Term(
            "ifc-ps",
            "IFC PS",
            tr(
                "IFC Performance Standards (2012): eight standards (PS1–PS8) of the International "
                "Finance Corporation for environmental and social risks in projects."
            ),
        ),
        Term(
            "oecd-step",
            tr("OECD step"),
            tr(
                "One of the six steps of the OECD Due Diligence Guidance: 1 embed responsible "
                "business conduct in policy, 2 identify and assess risks, 3 cease, prevent or "
                'mitigate them, 4 track results, 5 communicate, 6 remediate. "3.1" is the first '
                "part of step 3."
            ),
        ),
        Term(
            "cause",
            tr("Causes"),
            tr("Involvement: your company itself causes the harm. Stop it and help put it right."),
        ),
        Term(
            "contribute",
            tr("Contributes to"),
            tr(
                "Involvement: your company adds to harm caused together with others, or makes it "
                "possible. Stop your part, use your influence on the others and help put it right."
            ),
        ),
        Term(
            "linked",
            tr("Directly linked"),
            tr(
                "Involvement: a business partner causes the harm, and it is linked to your "
                "products, services or operations. Use your influence to prevent or reduce it."
            ),
        ),
        Term(
            "source-code",
            tr("Source code (such as L1-Q10-1)"),
            tr(
                "An expectation in one of the two cabinet letters on responsible business "
                "conduct: L1 or L2 is the letter, the rest the place in it (L1-Q10-1: letter 1, "
                "question 10, first point). Click the code to read the passage."
            ),
        ),
        Term(
            "red-flag",
            tr("Red flag"),
            tr(
                "An answer that points to a serious risk, such as an employer holding workers' "
                "passports. A red flag needs an action before the export."
            ),
        ),
        Term(
            "gap",
            tr("Gap"),
            tr(
                "An answer that falls short of what the letters or standards expect. Turn it "
                "into an action in your action plan."
            ),
        ),
        Term(
            "risk",
            tr("Risk"),
            tr(
                "How severe the harm to people or the environment would be and how likely it is "
                "(1 to 4 each), and how your company is involved. Rated only on questions whose "
                "answer can show a risk."
            ),
        ),
    ]


def term(key: str, lang: Language) -> Term | None:
    """Return the term of `key`, or None."""
    return next((t for t in glossary(lang) if t.key == key), None)


def explain(key: str, lang: Language) -> str:
    """Return the explanation of term `key` (empty when unknown)."""
    found = term(key, lang)
    return found.explanation if found else ""


def source_code_hint(code: str, registry: SourceRegistry, lang: Language) -> str:
    """Return which letter and passage a source code such as "L1-Q10-1" points to."""
    tr = words_for(lang)
    expectation = registry.expectation(code)
    if expectation is None:
        return explain("source-code", lang)
    letter = registry.source(expectation.letter)
    title = letter.title.get(lang) if letter else expectation.letter
    return tr(
        "{code} is an expectation in “{letter}”, at {place}. Click it to read the passage.",
        code=code,
        letter=title,
        place=expectation.citation.get(lang),
    )

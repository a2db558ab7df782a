"""Display numbers of checklists, sections and items: a section's own number wins over its place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ddcheck.domain.dossier import Dossier
from ddcheck.domain.templates import Section, Template
from ddcheck.domain.text import Language

_OWN_NUMBER = re.compile(r"^(\d+)\.\s+(\S.*)$", re.DOTALL)


def own_number(title: str) -> tuple[str, str] | None:
    """Return (number, rest) of a title that starts with its own number ("6. Herstel"), or None."""
    found = _OWN_NUMBER.match(title)
    return (found.group(1), found.group(2)) if found else None


def _own_numbers(template: Template) -> list[str] | None:
    """Return the sections' own numbers when every title (both languages) carries a distinct one."""
    numbers = []
    for section in template.sections:
        nl, en = own_number(section.title.nl), own_number(section.title.en)
        if nl is None or en is None or nl[0] != en[0]:
            return None
        numbers.append(nl[0])
    return numbers if len(set(numbers)) == len(numbers) else None


@dataclass(frozen=True)
class Numbering:
    """The display numbers of the checklists, sections and items of one report."""

    items: dict[str, str]  # item key -> "1.6.2"
    sections: dict[tuple[str, str], str]  # (template id, section id) -> "1.6"
    checklists: dict[str, str]  # template id -> "1"
    own: frozenset[str]  # ids of templates whose section titles carry their own number

    def section_title(self, template: Template, section: Section, lang: Language) -> str:
        """Return a section's title without its own number (the heading prints the number)."""
        title = section.title.get(lang)
        stripped = own_number(title) if template.id in self.own else None
        return stripped[1] if stripped else title


def number_templates(templates: Iterable[Template]) -> Numbering:
    """Number the templates in order; sections by their own numbers where all have one."""
    items: dict[str, str] = {}
    sections: dict[tuple[str, str], str] = {}
    checklists: dict[str, str] = {}
    own: set[str] = set()
    for index, template in enumerate(templates, start=1):
        checklists[template.id] = str(index)
        numbers = _own_numbers(template)
        if numbers is not None:
            own.add(template.id)
        for s_index, section in enumerate(template.sections, start=1):
            section_no = f"{index}.{numbers[s_index - 1] if numbers else s_index}"
            sections[(template.id, section.id)] = section_no
            for i_index, item in enumerate(section.items, start=1):
                items[f"{template.id}/{item.id}"] = f"{section_no}.{i_index}"
    return Numbering(items, sections, checklists, frozenset(own))


def dossier_numbering(dossier: Dossier, templates: Mapping[str, Template]) -> Numbering:
    """Number the templates a dossier uses, in its order: the PDF's, workbooks' and hand-outs'."""
    used = (templates.get(use.id) for use in dossier.templates)
    return number_templates(t for t in used if t is not None)

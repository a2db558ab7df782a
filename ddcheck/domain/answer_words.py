"""An answer as a reader sees it: option labels, numbers and dates written out."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.dossier import Answer
from ddcheck.domain.formatting import format_date, format_number
from ddcheck.domain.templates import Item, Template
from ddcheck.domain.text import Language


def answer_text(template: Template, item: Item, answer: Answer | None, lang: Language) -> str:
    """Return the answer in words, or "" when it is not answered."""
    if answer is None or not answer.is_answered:
        return ""
    scale = template.scale_for(item)
    value = answer.value
    if scale.is_choice:
        values: list[object] = list(value) if isinstance(value, list) else [value]
        labels = []
        for raw in values:
            option = scale.option(str(raw))
            labels.append(option.label.get(lang) if option else str(raw))
        return "; ".join(labels)
    if scale.kind == "number":
        return _number_text(value, lang)
    if scale.kind == "date":
        return _date_text(value, lang)
    return str(value)


def _number_text(value: object, lang: Language) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return format_number(value, lang)


def _date_text(value: object, lang: Language) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return format_date(day, lang)

"""Completeness, scores per section, OECD step and IFC standard, red flags and gaps."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from ddcheck.domain.applicability import ItemApplicability, applicable_items
from ddcheck.domain.dossier import Answer, Dossier
from ddcheck.domain.scales import AnswerScale, ScaleOption
from ddcheck.domain.templates import Template

OECD_STEPS = ("1", "2", "3", "4", "5", "6")  # "0" (context) and "7" (support wanted) are not scored


@dataclass(frozen=True)
class Progress:
    """How many applicable items are answered."""

    answered: int
    total: int

    @property
    def ratio(self) -> float:
        """Return the answered share, 0.0–1.0 (1.0 when nothing applies)."""
        return self.answered / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        """Return the answered share as a whole percentage."""
        return round(self.ratio * 100)


@dataclass(frozen=True)
class Score:
    """An average score over the scored answers of a group of items."""

    value: float | None
    scored: int

    @property
    def percent(self) -> int | None:
        """Return the score as a whole percentage, or None when nothing was scored."""
        return None if self.value is None else round(self.value * 100)


@dataclass(frozen=True)
class Flag:
    """An answered item whose answer is a red flag or a gap."""

    entry: ItemApplicability
    answer: Answer
    options: tuple[ScaleOption, ...]
    red_flag: bool

    @property
    def information_requested(self) -> bool:
        """Return whether the gap is only that the information is not yet known."""
        return not self.red_flag and any(o.information_requested for o in self.options)

    @property
    def key(self) -> str:
        """Return the item's `template_id/item_id` key."""
        return self.entry.key


def chosen_options(entry: ItemApplicability, answer: Answer | None) -> tuple[ScaleOption, ...]:
    """Return the scale options an answer picked (none for text, number or date items)."""
    return options_chosen(entry.template.scale_for(entry.item), answer)


def options_chosen(scale: AnswerScale, answer: Answer | None) -> tuple[ScaleOption, ...]:
    """Return the options of `scale` an answer picked (none for text, number or date scales)."""
    if answer is None or not answer.is_answered or not scale.is_choice:
        return ()
    value = answer.value
    values: list[object] = list(value) if isinstance(value, list) else [value]
    return tuple(o for v in values if (o := scale.option(str(v))) is not None)


def asks_justification(scale: AnswerScale, answer: Answer | None) -> bool:
    """Return whether a chosen option asks for a justification (written or not)."""
    return any(o.needs_justification for o in options_chosen(scale, answer))


def justification_missing(scale: AnswerScale, answer: Answer | None) -> bool:
    """Return whether a chosen option asks for a justification the note does not give yet."""
    return answer is not None and not answer.note.strip() and asks_justification(scale, answer)


def is_not_applicable(entry: ItemApplicability, answer: Answer | None) -> bool:
    """Return whether the answer says the item does not apply."""
    return any(o.not_applicable for o in chosen_options(entry, answer))


def is_red_flag(entry: ItemApplicability, answer: Answer | None) -> bool:
    """Return whether the answer is a red flag (by the scale or by the item)."""
    return _is_red_flag_option(entry, chosen_options(entry, answer))


def is_gap(entry: ItemApplicability, answer: Answer | None) -> bool:
    """Return whether the answer shows something not yet in order (a gap or a red flag)."""
    return _is_gap_option(entry, chosen_options(entry, answer))


def is_information_requested(entry: ItemApplicability, answer: Answer | None) -> bool:
    """Return whether the answer says the information is not yet known (a gap, not a flag)."""
    return any(o.information_requested for o in chosen_options(entry, answer))


def _is_red_flag_option(entry: ItemApplicability, options: tuple[ScaleOption, ...]) -> bool:
    return any(
        not o.information_requested and (o.red_flag or o.id in entry.item.red_flags)
        for o in options
    )


def _is_gap_option(entry: ItemApplicability, options: tuple[ScaleOption, ...]) -> bool:
    return _is_red_flag_option(entry, options) or any(
        o.gap or o.id in entry.item.gaps for o in options
    )


def can_rate_risk(entry: ItemApplicability) -> bool:
    """Return whether a risk (severity, likelihood, involvement) can be rated on an item.

    Only where an answer can show a risk: a choice with a red-flag option, or with a gap option
    other than "not yet known". Factual questions (text, numbers, dates, a choice of role or
    country, "don't know" as the only gap) have no risk to rate.
    """
    scale = entry.template.scale_for(entry.item)
    if not scale.is_choice:
        return False
    item = entry.item
    return any(
        o.red_flag
        or o.id in item.red_flags
        or ((o.gap or o.id in item.gaps) and not o.information_requested)
        for o in scale.options
    )


def needs_justification(entry: ItemApplicability, answer: Answer | None) -> bool:
    """Return whether the chosen answer asks for a note that is still missing."""
    return justification_missing(entry.template.scale_for(entry.item), answer)


def item_score(entry: ItemApplicability, answer: Answer | None) -> float | None:
    """Return an answer's score on 0–1, or None when unscored or not applicable."""
    return _score_of(entry, chosen_options(entry, answer))


def _score_of(entry: ItemApplicability, options: tuple[ScaleOption, ...]) -> float | None:
    scores = [o.score for o in options if o.score is not None and not o.not_applicable]
    maximum = entry.template.scale_for(entry.item).max_score
    if not scores or not maximum:
        return None
    return (sum(scores) / len(scores)) / maximum


def progress(entries: Iterable[ItemApplicability], answers: Mapping[str, Answer]) -> Progress:
    """Return how many of `entries` have an answer."""
    listed = list(entries)
    answered = sum(1 for e in listed if (a := answers.get(e.key)) is not None and a.is_answered)
    return Progress(answered=answered, total=len(listed))


def average_score(entries: Iterable[ItemApplicability], answers: Mapping[str, Answer]) -> Score:
    """Return the mean score of the scored answers among `entries`."""
    return _mean([item_score(e, answers.get(e.key)) for e in entries])


def _mean(values: Iterable[float | None]) -> Score:
    scores = [v for v in values if v is not None]
    return Score(value=sum(scores) / len(scores) if scores else None, scored=len(scores))


@dataclass(frozen=True)
class DossierSummary:
    """Everything derived from a dossier that pages, the overview and the report show."""

    entries: tuple[ItemApplicability, ...]
    answers: Mapping[str, Answer]
    by_template: Mapping[str, Progress]
    by_section: Mapping[tuple[str, str], Progress]
    section_scores: Mapping[tuple[str, str], Score]
    oecd_steps: Mapping[str, Score]
    ifc_standards: Mapping[str, Score]
    flags: tuple[Flag, ...]

    @cached_property
    def overall(self) -> Progress:
        """Return progress over every applicable item."""
        return progress(self.entries, self.answers)

    @property
    def red_flags(self) -> tuple[Flag, ...]:
        """Return the flags that are red flags."""
        return tuple(f for f in self.flags if f.red_flag)


def summarize(dossier: Dossier, templates: Mapping[str, Template]) -> DossierSummary:
    """Compute completeness, scores and flags for a dossier."""
    entries = tuple(applicable_items(dossier, templates))
    answers = dossier.answers_by_key()
    by_template: dict[str, list[ItemApplicability]] = defaultdict(list)
    by_section: dict[tuple[str, str], list[ItemApplicability]] = defaultdict(list)
    by_step: dict[str, list[ItemApplicability]] = defaultdict(list)
    by_standard: dict[str, list[ItemApplicability]] = defaultdict(list)
    scores: dict[str, float | None] = {}
    flags: list[Flag] = []
    for entry in entries:
        by_template[entry.template.id].append(entry)
        by_section[(entry.template.id, entry.section.id)].append(entry)
        step = (entry.template.oecd_step_of(entry.item) or "").split(".")[0]
        if step in OECD_STEPS:
            by_step[step].append(entry)
        standard = entry.template.ifc_standard_of(entry.item)
        if standard:
            by_standard[standard].append(entry)
        answer = answers.get(entry.key)
        options = chosen_options(entry, answer)
        scores[entry.key] = _score_of(entry, options)
        if answer is not None and _is_gap_option(entry, options):
            flags.append(Flag(entry, answer, options, _is_red_flag_option(entry, options)))

    def mean(group: list[ItemApplicability]) -> Score:
        return _mean(scores[e.key] for e in group)

    return DossierSummary(
        entries=entries,
        answers=answers,
        by_template={k: progress(v, answers) for k, v in by_template.items()},
        by_section={k: progress(v, answers) for k, v in by_section.items()},
        section_scores={k: mean(v) for k, v in by_section.items()},
        oecd_steps={k: mean(v) for k, v in sorted(by_step.items())},
        ifc_standards={k: mean(v) for k, v in sorted(by_standard.items())},
        flags=tuple(flags),
    )

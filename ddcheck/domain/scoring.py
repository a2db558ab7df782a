"""Completeness, scores per section, OECD step and IFC standard, red flags and gaps."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TypeVar

from ddcheck.domain.applicability import ItemApplicability, applicable_items
from ddcheck.domain.dossier import Answer, Dossier
from ddcheck.domain.scales import AnswerScale, ScaleOption
from ddcheck.domain.templates import Template

_K = TypeVar("_K")
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
    scores: Mapping[str, float | None] = field(default_factory=dict)  # per applicable item
    groups: SummaryGroups | None = None  # which items each score groups (for updates)

    @cached_property
    def overall(self) -> Progress:
        """Return progress over every applicable item (the sum over the templates)."""
        parts = self.by_template.values()
        return Progress(sum(p.answered for p in parts), sum(p.total for p in parts))

    @property
    def red_flags(self) -> tuple[Flag, ...]:
        """Return the flags that are red flags."""
        return tuple(f for f in self.flags if f.red_flag)


def _step_of(entry: ItemApplicability) -> str | None:
    step = (entry.template.oecd_step_of(entry.item) or "").split(".")[0]
    return step if step in OECD_STEPS else None


def summarize(dossier: Dossier, templates: Mapping[str, Template]) -> DossierSummary:
    """Compute completeness, scores and flags for a dossier."""
    entries = tuple(applicable_items(dossier, templates))
    return summary_of(entries, dossier.answers_by_key())


def summary_of(
    entries: tuple[ItemApplicability, ...], answers: Mapping[str, Answer]
) -> DossierSummary:
    """Compute completeness, scores and flags of the applicable `entries` under `answers`."""
    by_template: dict[str, list[ItemApplicability]] = defaultdict(list)
    by_section: dict[tuple[str, str], list[ItemApplicability]] = defaultdict(list)
    by_step: dict[str, list[ItemApplicability]] = defaultdict(list)
    by_standard: dict[str, list[ItemApplicability]] = defaultdict(list)
    scores: dict[str, float | None] = {}
    flags: list[Flag] = []
    for entry in entries:
        by_template[entry.template.id].append(entry)
        by_section[(entry.template.id, entry.section.id)].append(entry)
        step = _step_of(entry)
        if step is not None:
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
        scores=scores,
        groups=SummaryGroups(
            _keys(by_section),
            _keys(by_step),
            _keys(by_standard),
            {e.key: n for n, e in enumerate(entries)},
        ),
    )


@dataclass(frozen=True)
class SummaryGroups:
    """The item keys of each section, OECD step and IFC standard, and each item's position."""

    sections: Mapping[tuple[str, str], tuple[str, ...]]
    steps: Mapping[str, tuple[str, ...]]
    standards: Mapping[str, tuple[str, ...]]
    position: Mapping[str, int]


def _keys(groups: Mapping[_K, list[ItemApplicability]]) -> dict[_K, tuple[str, ...]]:
    return {k: tuple(e.key for e in v) for k, v in groups.items()}


def _answered(answer: Answer | None) -> int:
    return int(answer is not None and answer.is_answered)


def update_summary(
    summary: DossierSummary, answers: Mapping[str, Answer], keys: Iterable[str]
) -> DossierSummary:
    """Return `summary` after the answers to `keys` changed, the applicable items staying the same.

    Only the groups of the changed items are computed again; the result equals `summary_of`.
    """
    groups = summary.groups
    if groups is None:
        return summary_of(summary.entries, answers)
    position = groups.position
    entries = {k: summary.entries[position[k]] for k in keys if k in position}
    if not entries:
        return replace(summary, answers=answers)
    scores = dict(summary.scores)
    by_template = dict(summary.by_template)
    by_section = dict(summary.by_section)
    section_scores = dict(summary.section_scores)
    oecd_steps = dict(summary.oecd_steps)
    ifc_standards = dict(summary.ifc_standards)
    flags = {f.key: f for f in summary.flags}
    for key, entry in entries.items():
        answer = answers.get(key)
        delta = _answered(answer) - _answered(summary.answers.get(key))
        options = chosen_options(entry, answer)
        scores[key] = _score_of(entry, options)
        flags.pop(key, None)
        if answer is not None and _is_gap_option(entry, options):
            flags[key] = Flag(entry, answer, options, _is_red_flag_option(entry, options))
        section = (entry.template.id, entry.section.id)
        if delta:
            p = by_template[entry.template.id]
            by_template[entry.template.id] = Progress(p.answered + delta, p.total)
            p = by_section[section]
            by_section[section] = Progress(p.answered + delta, p.total)
        section_scores[section] = _mean(scores[k] for k in groups.sections[section])
        step = _step_of(entry)
        if step is not None:
            oecd_steps[step] = _mean(scores[k] for k in groups.steps[step])
        standard = entry.template.ifc_standard_of(entry.item)
        if standard:
            ifc_standards[standard] = _mean(scores[k] for k in groups.standards[standard])
    return DossierSummary(
        entries=summary.entries,
        answers=answers,
        by_template=by_template,
        by_section=by_section,
        section_scores=section_scores,
        oecd_steps=oecd_steps,
        ifc_standards=ifc_standards,
        flags=tuple(sorted(flags.values(), key=lambda f: position[f.key])),
        scores=scores,
        groups=groups,
    )

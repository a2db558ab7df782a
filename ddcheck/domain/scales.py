"""Answer scales as data: options with a score, gap and red-flag marks, justification needs."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ddcheck.domain.text import LocalizedText

ScaleKind = Literal["single", "multiple", "text", "number", "date"]
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


class ScaleOption(BaseModel):
    """One choice on a scale."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    label: LocalizedText
    score: float | None = Field(default=None, ge=0, le=1)
    gap: bool = False
    red_flag: bool = False
    needs_justification: bool = False
    not_applicable: bool = False
    exclusive: bool = False
    # "Not yet known / information requested": a gap that asks for an action to obtain the
    # information, never a red flag; adding it to a scale does not change earlier answers.
    information_requested: bool = False

    @model_validator(mode="after")
    def _unknown_is_not_a_red_flag(self) -> ScaleOption:
        if self.information_requested and (self.red_flag or self.not_applicable):
            raise ValueError("an 'information_requested' option is a gap, never a red flag or n/a")
        return self


class AnswerScale(BaseModel):
    """How an item is answered: a choice of options, or free text, a number or a date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    kind: ScaleKind
    label: LocalizedText
    options: tuple[ScaleOption, ...] = ()

    @model_validator(mode="after")
    def _options_fit_kind(self) -> AnswerScale:
        if self.kind in ("single", "multiple") and len(self.options) < 2:
            raise ValueError("a single or multiple choice scale needs at least two options")
        if self.kind not in ("single", "multiple") and self.options:
            raise ValueError(f"a {self.kind} scale has no options")
        if self.kind != "multiple" and any(o.exclusive for o in self.options):
            raise ValueError("only options of a multiple choice scale can be 'exclusive'")
        ids = [option.id for option in self.options]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"option ids must be unique; repeated: {', '.join(duplicates)}")
        return self

    @property
    def is_choice(self) -> bool:
        """Return whether answers pick option ids."""
        return self.kind in ("single", "multiple")

    @cached_property
    def _options_by_id(self) -> dict[str, ScaleOption]:
        return {o.id: o for o in self.options}

    def option(self, option_id: str) -> ScaleOption | None:
        """Return the option with `option_id`, or None."""
        return self._options_by_id.get(option_id)

    @cached_property
    def max_score(self) -> float | None:
        """Return the highest score any option gives, or None when the scale is not scored."""
        scores = [o.score for o in self.options if o.score is not None]
        return max(scores) if scores else None


def _t(nl: str, en: str) -> LocalizedText:
    return LocalizedText(nl=nl, en=en)


def _info_requested() -> ScaleOption:
    return ScaleOption(
        id="info-requested",
        label=_t(
            "Nog niet bekend – informatie opgevraagd", "Not yet known – information requested"
        ),
        gap=True,
        information_requested=True,
    )


def _na() -> ScaleOption:
    return ScaleOption(
        id="na",
        label=_t("Niet van toepassing", "Not applicable"),
        needs_justification=True,
        not_applicable=True,
    )


STATUS = AnswerScale(
    id="status",
    kind="single",
    label=_t("Status", "Status"),
    options=(
        ScaleOption(id="yes", label=_t("Ja", "Yes"), score=1.0),
        ScaleOption(id="partly", label=_t("Gedeeltelijk", "Partly"), score=0.5, gap=True),
        ScaleOption(id="no", label=_t("Nee", "No"), score=0.0, gap=True),
        _info_requested(),
        _na(),
    ),
)

_MATURITY_LEVELS = (
    ("m0", "0 – Niet aanwezig", "0 – Not in place"),
    ("m1", "1 – Gepland", "1 – Planned"),
    ("m2", "2 – Ad hoc", "2 – Ad hoc"),
    ("m3", "3 – Vastgelegd", "3 – Documented"),
    ("m4", "4 – Ingevoerd en gemonitord", "4 – Implemented and monitored"),
    ("m5", "5 – Herzien met belanghebbenden", "5 – Reviewed with stakeholders"),
)

MATURITY = AnswerScale(
    id="maturity",
    kind="single",
    label=_t("Volwassenheid 0–5", "Maturity 0–5"),
    options=(
        *(
            ScaleOption(id=oid, label=_t(nl, en), score=level / 5, gap=level < 3)
            for level, (oid, nl, en) in enumerate(_MATURITY_LEVELS)
        ),
        _na(),
    ),
)

IFC_RESULT = AnswerScale(
    id="ifc_result",
    kind="single",
    label=_t("IFC-resultaat", "IFC result"),
    options=(
        ScaleOption(id="meets", label=_t("Voldoet", "Meets"), score=1.0),
        ScaleOption(
            id="partly",
            label=_t("Voldoet gedeeltelijk", "Partly meets"),
            score=0.5,
            gap=True,
            needs_justification=True,
        ),
        ScaleOption(
            id="gap",
            label=_t("Tekortkoming", "Gap"),
            score=0.0,
            gap=True,
            red_flag=True,
            needs_justification=True,
        ),
        _info_requested(),
        _na(),
    ),
)

ACKNOWLEDGEMENT = AnswerScale(
    id="acknowledgement",
    kind="single",
    label=_t("Kennisname", "Acknowledgement"),
    options=(
        ScaleOption(
            id="acknowledged",
            label=_t("Gelezen en meegenomen", "Read and taken into account"),
            score=1.0,
        ),
        ScaleOption(id="not_yet", label=_t("Nog niet", "Not yet"), score=0.0, gap=True),
    ),
)

YES_NO = AnswerScale(
    id="yes_no",
    kind="single",
    label=_t("Ja / nee", "Yes / no"),
    options=(
        ScaleOption(id="yes", label=_t("Ja", "Yes")),
        ScaleOption(id="no", label=_t("Nee", "No")),
        ScaleOption(id="unknown", label=_t("Weet ik niet", "Don't know")),
    ),
)

FREE_TEXT = AnswerScale(id="text", kind="text", label=_t("Vrije tekst", "Free text"))
NUMBER = AnswerScale(id="number", kind="number", label=_t("Getal", "Number"))
DATE = AnswerScale(id="date", kind="date", label=_t("Datum", "Date"))

BUILTIN_SCALES: dict[str, AnswerScale] = {
    scale.id: scale
    for scale in (STATUS, MATURITY, IFC_RESULT, ACKNOWLEDGEMENT, YES_NO, FREE_TEXT, NUMBER, DATE)
}

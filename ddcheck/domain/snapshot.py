"""A frozen picture of one dossier with everything needed to report on it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from ddcheck.domain.dossier import Dossier
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Template


class DossierSnapshot(BaseModel):
    """A dossier with its templates and sources, as handed to the report and exchange layers."""

    model_config = ConfigDict(frozen=True)

    dossier: Dossier
    templates: dict[str, Template]
    registry: SourceRegistry
    generated_at: dt.datetime
    app_version: str

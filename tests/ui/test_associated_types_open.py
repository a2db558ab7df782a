"""Every file type the desktop associates with ddcheck is one the app's import takes."""

from __future__ import annotations

from ddcheck.file_types import DOCUMENT_TYPES
from ddcheck.ui.receiving import IMPORTABLE


def test_every_associated_type_is_importable_by_the_app() -> None:
    assert {kind.extension for kind in DOCUMENT_TYPES} <= set(IMPORTABLE)

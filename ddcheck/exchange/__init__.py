"""What leaves or enters the laptop: the dossier JSON and reading it back from a PDF."""

from __future__ import annotations

from typing import Any

__all__ = ["NotADdcheckPdf", "read_dossier_from_pdf", "verify_pdf"]


def __getattr__(name: str) -> Any:
    """Import the PDF reader (pypdf) only when it is used."""
    if name in __all__:
        from ddcheck.exchange import verify

        return getattr(verify, name)
    raise AttributeError(name)

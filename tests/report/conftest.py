"""The demo dossier's snapshot and its reports in both languages, built once per test session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from ddcheck.domain.snapshot import DossierSnapshot


@dataclass(frozen=True)
class DemoReports:
    """The demo dossier's snapshot and its adviser reports, by language."""

    snapshot: DossierSnapshot
    pdfs: dict[str, Path]


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory: pytest.TempPathFactory) -> DemoReports:
    """Return the demo dossier (built in Dutch) exported for the adviser in Dutch and English."""
    from ddcheck.services.demo import build_demo
    from ddcheck.services.export import export_pdf
    from ddcheck.services.workspace import Workspace

    folder = tmp_path_factory.mktemp("demo")
    with Workspace.open(folder / "ws") as ws:
        dossier = build_demo(ws, lang="nl")
        snapshot = ws.snapshot(dossier.id)
    pdfs = {}
    for lang in ("nl", "en"):
        pdfs[lang] = folder / f"demo-{lang}.pdf"
        export_pdf(snapshot, pdfs[lang], lang=lang, audience="adviser", invariant=True)
    return DemoReports(snapshot, pdfs)

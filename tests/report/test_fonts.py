"""Every font in a report is embedded: no base-14 Helvetica from page preambles or defaults."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from tests.factories import make_snapshot
from tests.report.conftest import DemoReports
from tests.report.pdf_tools import export


def _fonts(path: Path) -> dict[str, bool]:
    """Return every font the pages use, by base name, with whether its file is embedded."""
    found: dict[str, bool] = {}
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                descriptor = obj.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                found[str(obj.get("/BaseFont"))] = embedded
    return found


def test_every_font_of_the_demo_reports_is_embedded_dejavu(demo_reports: DemoReports) -> None:
    for path in demo_reports.pdfs.values():
        fonts = _fonts(path)
        assert fonts, "no fonts found"
        assert all(fonts.values()), fonts
        assert all("DejaVuSans" in name for name in fonts), fonts


def test_every_font_of_an_internal_report_is_embedded(tmp_path: Path) -> None:
    path, _ = export(make_snapshot(), tmp_path, audience="internal", lang="nl")
    fonts = _fonts(path)
    assert fonts and all(fonts.values()) and all("DejaVuSans" in n for n in fonts), fonts

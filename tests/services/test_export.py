"""The export service: progress, cancellation, atomic writes, result."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ddcheck.services.export import ExportCancelled, export_pdf
from ddcheck.services.files import current_umask
from tests.factories import make_snapshot


def test_export_reports_progress_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = export_pdf(
        make_snapshot(), tmp_path / "r.pdf", lang="en", progress=lambda d, t: calls.append((d, t))
    )
    assert calls and calls[-1][0] == calls[-1][1]
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert result.path.read_bytes().startswith(b"%PDF")
    assert result.pages >= 5 and len(result.fingerprint) == 64
    assert result.size == result.path.stat().st_size


@pytest.mark.parametrize("after", [1, 2, 4])
def test_a_cancelled_export_leaves_no_file(tmp_path: Path, after: int) -> None:
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked >= after

    target = tmp_path / "r.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(make_snapshot(), target, lang="en", cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_export_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(ExportCancelled):
        export_pdf(make_snapshot(), target, lang="en", cancel=lambda: True)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown language"):
        export_pdf(make_snapshot(), tmp_path / "r.pdf", lang="de")  # type: ignore[arg-type]


def test_workspace_exports_a_dossier(tmp_path: Path) -> None:
    from ddcheck.services import Workspace
    from tests.factories import make_company, make_mission

    with Workspace.open(tmp_path / "ws") as workspace:
        dossier = workspace.create_dossier(make_company(), make_mission(), "nl")
        result = workspace.export_pdf(dossier.id, tmp_path / "out.pdf", lang="nl")
    assert result.path.read_bytes().startswith(b"%PDF") and result.lang == "nl"


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Let a test set the process umask; the original is restored afterwards."""
    original = os.umask(0o022)
    os.umask(original)
    yield os.umask
    os.umask(original)


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="no POSIX permission bits")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_an_exported_pdf_has_the_mode_the_umask_gives(
    tmp_path: Path, umask: Callable[[int], None], mask: int, mode: int
) -> None:
    umask(mask)
    result = export_pdf(make_snapshot(), tmp_path / "r.pdf", lang="en")
    assert stat.S_IMODE(result.path.stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
    assert current_umask() == mask

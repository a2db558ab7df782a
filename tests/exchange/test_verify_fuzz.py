"""A damaged or hostile PDF never crashes verify: a result or NotADdcheckPdf, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddcheck.exchange import NotADdcheckPdf, read_dossier_from_pdf, verify_pdf
from tests.factories import make_dossier, make_snapshot, synthetic_template
from tests.report.pdf_tools import export


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    template = synthetic_template(sections=1, items_per_section=3)
    snapshot = make_snapshot(make_dossier({template.id: template}), {template.id: template})
    path, _ = export(snapshot, tmp_path_factory.mktemp("fuzz"))
    return path.read_bytes()


def _check(path: Path) -> None:
    try:
        result = verify_pdf(path)
    except NotADdcheckPdf as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(result.problems, tuple)
    read_dossier_from_pdf(path)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), max_size=6),
    cut=st.floats(0.05, 1),
)
def test_mutated_pdfs_never_crash_verify(
    valid: bytes, tmp_path: Path, edits: list[tuple[float, bytes]], cut: float
) -> None:
    data = bytearray(valid)
    for where, patch in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(patch)] = patch
    path = tmp_path / "mutated.pdf"
    path.write_bytes(bytes(data[: max(1, int(len(data) * cut))]))
    _check(path)

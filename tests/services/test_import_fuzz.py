"""Fuzz the importers: any bytes give a clean ImportRefused or a valid import, nothing else.

On refusal the workspace file is unchanged, row for row. DDCHECK_FUZZ_EXAMPLES=2000 digs deeper.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddcheck.domain.dossier import Action
from ddcheck.services.received_model import ImportRefused, ImportResult
from tests.services.exchange_helpers import dump, filled, open_workspace

FUZZ = settings(
    max_examples=int(os.environ.get("DDCHECK_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Files(dict):
    """Valid files by name; a short repr keeps hypothesis' failure reports readable."""

    def __repr__(self) -> str:
        return f"<valid files: {', '.join(self)}>"


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Return a valid PDF, bundle and review file (of a dossier the company workspace holds)."""
    root = tmp_path_factory.mktemp("valid")
    with open_workspace(root / "company") as company, open_workspace(root / "adviser") as adviser:
        dossier = filled(company)
        proof = root / "proof.txt"
        proof.write_bytes(b"evidence " * 50)
        company.attach_evidence(dossier.id, proof, item_key="mini/policy")
        company.export_pdf(dossier.id, root / "d.pdf", lang="nl")
        company.export_bundle(dossier.id, root / "d.ddcheck")
        company.export_bundle(dossier.id, root / "full.ddcheck", audience="internal")
        received = adviser.import_file(root / "d.pdf").received_id
        adviser.assess_item(received, "mini/policy", "question", "Which year?")
        adviser.add_agreed_action(received, Action(id="x", action="Write an ESAP"))
        adviser.export_review_file(received, root / "r.ddreview")
    return Files(
        (name, (root / name).read_bytes())
        for name in ("d.pdf", "d.ddcheck", "full.ddcheck", "r.ddreview")
    )


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory, valid: dict[str, bytes]):
    """A workspace that holds the company's dossier (restored), so review files apply."""
    root = tmp_path_factory.mktemp("target")
    (root / "full.ddcheck").write_bytes(valid["full.ddcheck"])
    with open_workspace(root / "ws") as ws:
        ws.import_file(root / "full.ddcheck", as_own=True)
        yield ws, root


def _attempt(target, name: str, content: bytes, *, as_own: bool = False) -> None:
    ws, root = target
    path = root / name
    path.write_bytes(content)
    before = dump(ws.paths.database)
    try:
        result = ws.import_file(path, as_own=as_own)
    except ImportRefused as error:
        message = str(error)
        assert message.startswith(f"{name} was not imported: ") and "\n" not in message
        assert dump(ws.paths.database) == before
        return
    assert isinstance(result, ImportResult)
    if not result.changed:
        assert dump(ws.paths.database) == before


def _mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out[:cut] if cut is not None else out)


EDITS = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=8)
CUT = st.one_of(st.none(), st.integers(0, 10**6))


@FUZZ
@given(
    content=st.binary(max_size=4096), suffix=st.sampled_from([".pdf", ".ddcheck", ".ddreview", ""])
)
def test_random_bytes(target, content: bytes, suffix: str) -> None:
    _attempt(target, f"random{suffix}", content)


@FUZZ
@given(head=st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"{"]), rest=st.binary(max_size=2048))
def test_random_bytes_behind_a_real_header(target, head: bytes, rest: bytes) -> None:
    _attempt(target, "headed.bin", head + rest)


@FUZZ
@given(edits=EDITS, cut=CUT)
def test_mutated_pdfs(target, valid, edits, cut) -> None:
    _attempt(target, "mutated.pdf", _mutate(valid["d.pdf"], edits, cut))


@FUZZ
@given(edits=EDITS, cut=CUT, as_own=st.booleans())
def test_mutated_bundles(target, valid, edits, cut, as_own: bool) -> None:
    source = valid["full.ddcheck" if as_own else "d.ddcheck"]
    _attempt(target, "mutated.ddcheck", _mutate(source, edits, cut), as_own=as_own)


@FUZZ
@given(edits=EDITS, cut=CUT)
def test_mutated_review_files(target, valid, edits, cut) -> None:
    _attempt(target, "mutated.ddreview", _mutate(valid["r.ddreview"], edits, cut))


def test_the_valid_files_do_import(target, valid) -> None:
    ws, root = target
    for name in ("d.pdf", "d.ddcheck"):
        (root / name).write_bytes(valid[name])
        assert ws.import_file(root / name).status in ("new", "revision", "unchanged")
    (root / "r.ddreview").write_bytes(valid["r.ddreview"])
    assert ws.import_file(root / "r.ddreview").status in ("review_loaded", "unchanged")
    assert any(
        a.agreed_with_adviser
        for a in ws.list_dossiers() and ws.get_dossier(ws.list_dossiers()[0].id).actions
    )

"""Long fuzzing pass over every import path (run on its own; excluded from the default run).

    DDCHECK_FUZZ_CASES=400 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s \
        -p no:cacheprovider tests/benchmarks/test_fuzz_received.py

Received PDFs and bundles with any part of their dossier document changed, PDFs, bundles and
review files with random byte edits: each case is refused in one line (workspace unchanged) or
imported, and after every case received list, received show --json, overview, check and list
all work. At the end the app starts on the fuzzed workspace. Prints how many cases ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.document_fuzz import (
    VALUES,
    attempt,
    cli,
    mutate,
    paths,
    read_everything,
    wrapped,
)
from tests.services.exchange_helpers import filled, open_workspace
from tests.services.received_files import valid_document

CASES = int(os.environ.get("DDCHECK_FUZZ_CASES", "300"))
EDITS = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=8)


def _edited(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out[:cut] if cut is not None else out)


def test_long_fuzz_of_every_import_path(tmp_path: Path) -> None:
    document = valid_document(tmp_path)
    data_dir = tmp_path / "adviser"
    with open_workspace(tmp_path / "company") as company, open_workspace(data_dir) as adviser:
        dossier = filled(company)
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="en")
        company.export_bundle(dossier.id, tmp_path / "d.ddcheck")
        company.export_bundle(dossier.id, tmp_path / "full.ddcheck", audience="internal")
        adviser.import_file(tmp_path / "full.ddcheck", as_own=True)  # so reviews apply
        received = adviser.import_file(tmp_path / "d.pdf").received_id
        adviser.assess_item(received, "mini/policy", "question", "Which year?")
        adviser.export_review_file(received, tmp_path / "r.ddreview")
    originals = {n: (tmp_path / n).read_bytes() for n in ("d.pdf", "d.ddcheck", "r.ddreview")}
    read_everything(data_dir)  # the first command-line open settles caches (dossier stats)
    outcomes: Counter[str] = Counter()

    @settings(
        max_examples=CASES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data(), kind=st.sampled_from(["pdf", "bundle", "bytes"]))
    def case(data, kind: str) -> None:
        if kind == "bytes":
            name = data.draw(st.sampled_from(sorted(originals)))
            edits, cut = data.draw(EDITS), data.draw(st.one_of(st.none(), st.integers(0, 10**6)))
            content = _edited(originals[name], edits, cut)
            outcomes[f"bytes:{attempt(data_dir, tmp_path, 'edited-' + name, content)}"] += 1
            return
        where = data.draw(st.sampled_from(paths(document)[1:]))
        changed = mutate(document, where, data.draw(VALUES), data.draw(st.booleans()))
        suffix = "pdf" if kind == "pdf" else "ddcheck"
        outcome = attempt(data_dir, tmp_path, f"fuzzed.{suffix}", wrapped(changed, kind))
        outcomes[f"{kind}:{outcome}"] += 1

    case()
    total = sum(outcomes.values())
    print(f"\nfuzzed {total} cases: {dict(sorted(outcomes.items()))}")
    assert total >= CASES // 2
    started = subprocess.run(
        [sys.executable, "-m", "ddcheck", "--data-dir", str(data_dir), "--quit-after-ready"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert started.returncode == 0, started.stderr
    assert cli(data_dir, "check")[0] == 0

"""Fuzz the dossier document inside received PDFs and bundles (issue 17, Deliver 9).

Any part of a valid document is replaced by any JSON value (NaN and ±Infinity included) or
deleted; the file is refused in one line with the workspace unchanged, or imported, and either
way `received list`, `received show --json`, `overview`, `check` and `list` work afterwards.
A few examples here; tests/benchmarks/test_fuzz_received.py runs the long pass.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.document_fuzz import VALUES, attempt, mutate, paths, wrapped
from tests.services.received_files import valid_document

FUZZ = settings(
    max_examples=int(os.environ.get("DDCHECK_FUZZ_EXAMPLES", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path, Path]:
    root = tmp_path_factory.mktemp("document-fuzz")
    return valid_document(root), root / "adviser", root


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["pdf", "bundle"]), delete=st.booleans())
def test_any_change_to_a_received_document(setting, data, kind: str, delete: bool) -> None:
    document, data_dir, folder = setting
    where = data.draw(st.sampled_from(paths(document)[1:]))
    new = data.draw(VALUES)
    attempt(
        data_dir,
        folder,
        f"fuzzed.{'pdf' if kind == 'pdf' else 'ddcheck'}",
        wrapped(mutate(document, where, new, delete), kind),
    )

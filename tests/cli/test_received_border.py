"""Issue 17: every received file is validated in full before anything is stored.

Each hostile case of the issue ends in a one-line refusal (exit 2, the workspace unchanged row
for row), and every read command works afterwards: received list, overview, check, list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ddcheck.cli.main import main
from ddcheck.paths import data_paths
from tests.services.exchange_helpers import dump
from tests.services.received_files import (
    as_bundle,
    as_pdf,
    changed,
    nested,
    two_dossiers_pdf,
    valid_document,
)

READ_COMMANDS = (("received", "list"), ("overview",), ("check",), ("list",))


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return valid_document(tmp_path_factory.mktemp("document"))


def _set_withheld_evidence(value: Any):
    return lambda d: d["withheld"].update(evidence=value)


def _first_answer_value(value: Any):
    return lambda d: d["dossier"]["answers"][0].update(value=value)


def _hostile(document: dict[str, Any]) -> dict[str, bytes]:
    """Return the hostile dossier JSONs of the issue, by name."""
    cases: dict[str, bytes] = {
        "withheld-evidence-text": changed(document, _set_withheld_evidence("many")),
        "withheld-evidence-nan": changed(document, _set_withheld_evidence(float("nan"))),
        "withheld-evidence-inf": changed(document, _set_withheld_evidence(float("inf"))),
        "withheld-evidence-minus-inf": changed(document, _set_withheld_evidence(float("-inf"))),
        "withheld-evidence-list": changed(document, _set_withheld_evidence([1, 2])),
        "withheld-evidence-negative": changed(document, _set_withheld_evidence(-3)),
        "withheld-items-text": changed(document, lambda d: d["withheld"].update(items="t/a")),
        "answer-nan": changed(document, _first_answer_value(float("nan"))),
        "answer-infinity": changed(document, _first_answer_value(float("inf"))),
        "answer-minus-infinity": changed(document, _first_answer_value(float("-inf"))),
        "answer-dict": changed(document, _first_answer_value({"a": 1})),
        "severity-text": changed(
            document, lambda d: d["dossier"]["answers"][0]["risk"].update(severity="4")
        ),
        "generated-at-number": changed(document, lambda d: d.update(generated_at=5)),
        "rendered-number": changed(
            document, lambda d: d["rendered"]["answers"].update({"mini/policy": 3})
        ),
        "extra-field": changed(document, lambda d: d.update(surprise=True)),
        "nested-deep": nested(document, 100_000),
        "nested-within-python": nested(document, 500),
        "huge-number": changed(document, lambda d: d.update(marker=1)).replace(
            b'"marker":1', b'"marker":1e999'
        ),
        "duplicate-field": changed(document, lambda d: None).replace(
            b'{"app_version"', b'{"lang":"nl","app_version"', 1
        ),
    }
    return cases


def _assert_refused(capsys, data_dir: str, path: Path) -> None:
    database = data_paths(Path(data_dir)).database
    before = dump(database)
    code, out, err = run(capsys, "--data-dir", data_dir, "import", str(path))
    assert code == 2, (path.name, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ddcheck: {path.name} was not imported: ")
    assert "Traceback" not in err
    assert dump(database) == before


def _assert_reads_work(capsys, data_dir: str) -> None:
    for command in READ_COMMANDS:
        code, out, err = run(capsys, "--data-dir", data_dir, *command)
        assert code == 0, (command, out, err)
        assert "Traceback" not in err


def test_every_hostile_dossier_json_is_refused_in_a_pdf_and_a_bundle(
    capsys, tmp_path: Path, document: dict[str, Any]
) -> None:
    data_dir = str(tmp_path / "adviser")
    valid = tmp_path / "valid.ddcheck"  # a blank PDF's pages would not match its data
    valid.write_bytes(as_bundle(changed(document, lambda d: None)))
    assert run(capsys, "--data-dir", data_dir, "import", str(valid))[0] == 0
    for name, data in _hostile(document).items():
        for suffix, wrap in ((".pdf", as_pdf), (".ddcheck", as_bundle)):
            path = tmp_path / f"{name}{suffix}"
            path.write_bytes(wrap(data))
            _assert_refused(capsys, data_dir, path)
    _assert_reads_work(capsys, data_dir)


def test_the_refusal_says_what_is_wrong(capsys, tmp_path: Path, document) -> None:
    data_dir = str(tmp_path / "adviser")
    expected = {
        "withheld-evidence-text": "withheld items is malformed",
        "withheld-evidence-nan": "not finite (NaN)",
        "withheld-evidence-inf": "not finite (Infinity)",
        "nested-deep": "nested deeper than ddcheck accepts",
        "nested-within-python": "nested deeper than ddcheck accepts",
        "huge-number": "too large to be finite",
        "duplicate-field": "names the same field twice",
    }
    hostile = _hostile(document)
    for name, words in expected.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(as_pdf(hostile[name]))
        _, _, err = run(capsys, "--data-dir", data_dir, "import", str(path))
        assert words in err, (name, err)


def test_a_pdf_with_two_embedded_dossiers_is_refused(capsys, tmp_path: Path, document) -> None:
    data_dir = str(tmp_path / "adviser")
    run(capsys, "--data-dir", data_dir, "list")
    first = changed(document, lambda d: None)
    second = changed(document, lambda d: d["dossier"]["company"].update(name="Someone else"))
    path = tmp_path / "two.pdf"
    path.write_bytes(two_dossiers_pdf(first, second))
    _assert_refused(capsys, data_dir, path)
    _, _, err = run(capsys, "--data-dir", data_dir, "import", str(path))
    assert "2 embedded dossier files" in err
    _assert_reads_work(capsys, data_dir)


def test_received_show_json_is_always_valid_json(capsys, tmp_path: Path, document) -> None:
    data_dir = str(tmp_path / "adviser")
    path = tmp_path / "valid.ddcheck"
    path.write_bytes(as_bundle(changed(document, lambda d: None)))
    code, out, _ = run(capsys, "--data-dir", data_dir, "import", str(path))
    assert code == 0
    received_id = out.split("new received dossier ")[1].split()[0]
    code, out, _ = run(capsys, "--data-dir", data_dir, "received", "show", received_id, "--json")
    assert code == 0

    def refuse(token: str) -> None:
        raise AssertionError(f"received show --json printed {token}")

    shown = json.loads(out, parse_constant=refuse)
    assert shown["received_id"] == received_id

"""Fuzz returned hand-out import: refused in one line with nothing saved, or merged; never more.

The longer pass is tests/benchmarks/test_fuzz_checklists_handouts.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.handout_fuzz import attempt, draw_case, setup


def test_fuzzed_handouts_are_refused_or_merged_and_later_commands_work(tmp_path: Path) -> None:
    data_dir, valid = tmp_path / "ws", tmp_path / "h.xlsx"
    dossier_id = setup(data_dir, valid)
    original = valid.read_bytes()
    outcomes: Counter[str] = Counter()

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def case(data) -> None:
        _, content = draw_case(data, original)
        outcomes[attempt(data_dir, tmp_path, dossier_id, content)] += 1

    case()
    assert sum(outcomes.values()) >= 10


def test_a_missing_file_a_directory_and_a_fifo_are_refused_in_one_line(tmp_path: Path) -> None:
    import os

    from tests.services.document_fuzz import cli

    data_dir = tmp_path / "ws"
    setup(data_dir, tmp_path / "h.xlsx")
    (tmp_path / "dir.xlsx").mkdir()
    os.mkfifo(tmp_path / "fifo.xlsx")
    for name in ("missing.xlsx", "dir.xlsx", "fifo.xlsx"):
        code, _, err = cli(data_dir, "import", str(tmp_path / name))
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert err.startswith(f"ddcheck: {name} was not imported, nothing changed")


def test_a_sheet_damaged_inside_the_zip_is_refused_in_one_line(tmp_path: Path) -> None:
    """Found by the long fuzz: a sheet is read lazily, so its damage shows only then."""
    import io
    import zipfile

    from tests.services.document_fuzz import cli

    data_dir, valid = tmp_path / "ws", tmp_path / "h.xlsx"
    setup(data_dir, valid)
    with zipfile.ZipFile(valid) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w") as archive:
        for info, data in entries:
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, data)
    raw = bytearray(stored.getvalue())
    raw[raw.find(b"<sheetData") + 3] ^= 0x20  # bad CRC and bad XML in a worksheet
    for name, content in (("crc.xlsx", bytes(raw)),):
        (tmp_path / name).write_bytes(content)
        code, _, err = cli(data_dir, "import", str(tmp_path / name))
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert err.startswith(f"ddcheck: {name} was not imported, nothing changed")

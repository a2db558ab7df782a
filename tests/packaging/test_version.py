"""The version lives in ddcheck/__init__.py only; everything else reads it from there."""

from __future__ import annotations

import re
from pathlib import Path

import ddcheck

ROOT = Path(__file__).resolve().parents[2]
# The AppStream release history names each released version, as a changelog must.
CHANGELOGS = {ROOT / "packaging" / "linux" / "io.github.ddcheck.ddcheck.metainfo.xml"}


def test_version_is_a_plain_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", ddcheck.__version__)


def test_no_other_source_or_packaging_file_spells_the_version_out() -> None:
    pattern = re.compile(rf"(?<![\d.]){re.escape(ddcheck.__version__)}(?![\d.])")
    files = [
        *(ROOT / "ddcheck").rglob("*.py"),
        *(p for p in (ROOT / "packaging").rglob("*") if p.is_file()),
        ROOT / "pyproject.toml",
        ROOT / ".ci" / "run",
    ]
    spelled = [
        str(p.relative_to(ROOT))
        for p in files
        if p != ROOT / "ddcheck" / "__init__.py"
        and p not in CHANGELOGS
        and "__pycache__" not in p.parts
        and pattern.search(_own_text(p))
    ]
    assert spelled == []


def _own_text(path: Path) -> str:
    """Return a file's text; in a lock file without other packages' pins (a dependency may
    happen to be at ddcheck's version number)."""
    text = path.read_text("utf-8", errors="replace")
    if path.suffix == ".lock":
        text = re.sub(r"(?m)^(?!ddcheck==)[A-Za-z0-9_.-]+==\S+", "", text)
    return text


def test_pyproject_takes_the_version_from_the_package() -> None:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in text
    assert re.search(r'\[tool\.hatch\.version\]\npath = "ddcheck/__init__.py"', text)

"""The built wheel carries every shipped resource where ddcheck.paths looks for it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import ddcheck

ROOT = Path(__file__).resolve().parents[2]
DATA_FOLDERS = ("resources", "seeds")


def _shipped_files() -> dict[str, Path]:
    """Return every file under resources/ and seeds/, keyed by its path inside the wheel."""
    files = {}
    for folder in DATA_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                rel = path.relative_to(ROOT).as_posix()
                files[f"ddcheck/_data/{rel}"] = path
    return files


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from this checkout into a temporary folder and return its path."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")  # offline and fast: the test extra installs hatchling
    result = subprocess.run(
        [*command, str(ROOT)], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("ddcheck-*.whl")
    return built


pytestmark = pytest.mark.slow


def test_wheel_contains_every_resource_and_seed_byte_for_byte(wheel: Path) -> None:
    shipped = _shipped_files()
    assert any(name.endswith(".yaml") for name in shipped), "no checklist found in the checkout"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = sorted(set(shipped) - names)
        assert missing == []
        changed = [n for n, path in shipped.items() if archive.read(n) != path.read_bytes()]
        assert changed == []
        extra = sorted(n for n in names if n.startswith("ddcheck/_data/") and n not in shipped)
        assert extra == []


def test_wheel_version_and_entry_point_come_from_the_package(wheel: Path) -> None:
    assert wheel.name == f"ddcheck-{ddcheck.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        dist_info = f"ddcheck-{ddcheck.__version__}.dist-info"
        metadata = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())
        entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
    assert metadata["Version"] == ddcheck.__version__
    assert "ddcheck = ddcheck.cli.main:main" in entry_points


def test_wheel_holds_the_package_and_no_tests_or_packaging(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "ddcheck").rglob("*.py")}
    assert sources <= set(names)
    assert not [n for n in names if n.startswith(("tests/", "packaging/", ".ci/"))]
    assert not [n for n in names if n.endswith(".pyc")]


def test_installed_wheel_reads_its_own_data_folder(wheel: Path, tmp_path: Path) -> None:
    """Installed (not editable), ddcheck finds and loads every checklist from ddcheck/_data."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), wheel],
        check=True,
        capture_output=True,
        timeout=300,
    )
    probe = (
        "import ddcheck, ddcheck.paths as p\n"
        "from ddcheck.catalog import load_shipped_catalog\n"
        "print(ddcheck.__file__)\n"
        "print(p.resource_root())\n"
        "print(len(load_shipped_catalog().templates))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    module, root, count = result.stdout.split("\n")[:3]
    assert Path(module).parent == target / "ddcheck"
    assert Path(root) == target / "ddcheck" / "_data"
    from ddcheck.catalog import load_shipped_catalog

    assert int(count) == len(load_shipped_catalog().templates) > 0

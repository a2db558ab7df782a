"""The hashed lock files the bundles install from stay in step with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_LOCK = ROOT / "packaging" / "requirements-bundle.lock"
TOOLS_LOCK = ROOT / "packaging" / "requirements-tools.lock"
REGENERATE = "run `bash packaging/lock.sh` and commit the lock files"

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _pins(lock: Path) -> dict[str, str]:
    """Return {canonical name: pinned version} of every requirement in a lock file."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _entries(lock: Path) -> list[str]:
    """Return each requirement of a lock file as one logical line (continuations joined)."""
    text = lock.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line for line in text.splitlines() if PIN.match(line)]


def _runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"]]


@pytest.mark.parametrize("requirement", _runtime_requirements(), ids=str)
def test_every_runtime_dependency_is_locked_within_its_range(requirement: Requirement) -> None:
    pins = _pins(BUNDLE_LOCK)
    name = canonicalize_name(requirement.name)
    assert name in pins, f"{requirement.name} is missing from {BUNDLE_LOCK.name}: {REGENERATE}"
    assert requirement.specifier.contains(pins[name], prereleases=True), (
        f"{BUNDLE_LOCK.name} pins {requirement.name}=={pins[name]}, outside '{requirement}': "
        f"{REGENERATE}"
    )


def test_bundle_lock_has_pyinstaller_and_every_pin_is_hashed() -> None:
    assert "pyinstaller" in _pins(BUNDLE_LOCK)
    for lock in (BUNDLE_LOCK, TOOLS_LOCK):
        entries = _entries(lock)
        assert entries
        unhashed = [entry.split()[0] for entry in entries if "--hash=sha256:" not in entry]
        assert not unhashed, f"{lock.name}: no hash for {unhashed}: {REGENERATE}"


def test_tools_lock_has_the_release_checks() -> None:
    assert {"pip-audit", "pip-licenses", "cyclonedx-bom"} <= set(_pins(TOOLS_LOCK))


def test_lock_files_say_how_to_regenerate_them() -> None:
    for lock in (BUNDLE_LOCK, TOOLS_LOCK):
        assert "bash packaging/lock.sh" in lock.read_text(encoding="utf-8")[:400]


def test_bundle_builds_install_from_the_lock_with_hashes() -> None:
    for script in ("build-linux.sh", "windows/build-windows.ps1"):
        text = (ROOT / "packaging" / script).read_text(encoding="utf-8")
        assert "--require-hashes" in text, script
        assert "requirements-bundle.lock" in text, script

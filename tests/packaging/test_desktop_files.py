"""The Linux .desktop file and AppStream metadata are valid and agree with each other."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import ddcheck

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.ddcheck.ddcheck"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_ddcheck_with_the_app_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "ddcheck"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")


def test_metainfo_names_the_desktop_file_binary_and_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "ddcheck"
    assert root.findtext("project_license") == "EUPL-1.2"
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == ddcheck.__version__, "add a <release> for the new version (newest first)"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_homepage_branding_and_screenshots_that_exist() -> None:
    from PySide6.QtGui import QImage

    root = ET.parse(METAINFO).getroot()
    homepage = root.find("url[@type='homepage']")
    assert homepage is not None and homepage.text.startswith("https://")
    colours = {c.get("scheme_preference"): c.text for c in root.iter("color")}
    assert set(colours) == {"light", "dark"}
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for colour in colours.values())
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 2 and shots[0].get("type") == "default"
    for shot in shots:
        image = shot.find("image")
        name = image.text.rsplit("/", 1)[1]
        assert image.text.endswith(f"/packaging/linux/screenshots/{name}")
        local = QImage(str(ROOT / "packaging" / "linux" / "screenshots" / name))
        assert not local.isNull(), name
        declared = (int(image.get("width")), int(image.get("height")))
        assert (local.width(), local.height()) == declared
        assert shot.find("caption") is not None

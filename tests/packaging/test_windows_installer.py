"""The Inno Setup script installs per user, without admin rights, what the spec builds."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "ddcheck.iss"
TEXT = ISS.read_text("utf-8")


def _setup() -> dict[str, str]:
    section = TEXT.split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith(";")}


def test_installs_for_the_user_without_elevation() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert "{autoprograms}" in TEXT
    assert "{commonprograms}" not in TEXT and "HKLM" not in TEXT


def test_refers_to_files_that_exist_and_the_windowed_exe_the_spec_builds() -> None:
    setup = _setup()
    icon = ISS.parent.joinpath(*PureWindowsPath(setup["SetupIconFile"]).parts).resolve()
    assert icon == ROOT / "resources" / "icons" / "app" / "ddcheck.ico"
    assert re.search(r'Source: "\.\.\\\.\.\\dist\\ddcheck\\\*"', TEXT)
    assert '#define AppExe "ddcheck-gui.exe"' in TEXT
    spec = (ROOT / "packaging" / "ddcheck.spec").read_text("utf-8")
    assert 'name="ddcheck-gui"' in spec


def test_version_comes_from_the_command_line_not_the_script() -> None:
    setup = _setup()
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "#error" in TEXT.split("#ifndef AppVersion", 1)[1].split("#endif", 1)[0]
    script = (ROOT / "packaging" / "windows" / "build-windows.ps1").read_text("utf-8")
    assert '"/DAppVersion=$version"' in script
    assert "ddcheck\\__init__.py" in script


def test_uninstall_leaves_the_user_data_alone() -> None:
    assert "[UninstallDelete]" not in TEXT
    assert "{localappdata}\\ddcheck" not in TEXT.lower()


def test_installer_and_uninstaller_are_signed_when_the_build_has_a_certificate() -> None:
    signing = TEXT.split("#ifdef Sign", 1)[1].split("#endif", 1)[0]
    assert "SignTool=ddchecksign" in signing and "SignedUninstaller=yes" in signing
    build = (ROOT / "packaging" / "windows" / "build-windows.ps1").read_text("utf-8")
    for name in ("DDCHECK_SIGN_PFX", "DDCHECK_SIGN_PASSWORD", "DDCHECK_SIGN_THUMBPRINT"):
        assert f"$env:{name}" in build
    assert '"/DSign"' in build and "/Sddchecksign=" in build
    for exe in ("ddcheck.exe", "ddcheck-gui.exe"):
        assert f'"dist\\ddcheck\\{exe}"' in build
    assert build.count("verify /pa") == 2  # the executables, then the installer
    assert "NOT SIGNED" in build and "SmartScreen" in build


def test_windows_bundle_ships_the_third_party_notices_and_sbom() -> None:
    build = (ROOT / "packaging" / "windows" / "build-windows.ps1").read_text("utf-8")
    assert "requirements-tools.lock" in build and "packaging\\licences.py" in build
    assert "THIRD-PARTY-NOTICES.txt" in build and "sbom.cdx.json" in build

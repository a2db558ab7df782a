"""packaging/linux/install.sh installs a bundle for one user and removes it again."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.ddcheck.ddcheck"


def _fake_bundle(folder: Path) -> Path:
    """Lay out a bundle folder as build-linux.sh does, with a stand-in executable."""
    bundle = folder / "ddcheck"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "ddcheck"
    exe.write_text("#!/bin/sh\necho 'ddcheck fake'\n")
    exe.chmod(0o755)
    share = bundle / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    (share / "mime/packages").mkdir(parents=True)
    (share / "icons/hicolor/48x48/apps").mkdir(parents=True)
    linux = ROOT / "packaging" / "linux"
    shutil.copy(linux / f"{APP_ID}.desktop", share / "applications")
    shutil.copy(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copy(linux / f"{APP_ID}.mime.xml", share / f"mime/packages/{APP_ID}.xml")
    icon = ROOT / "resources/icons/app/ddcheck-48.png"
    shutil.copy(icon, share / f"icons/hicolor/48x48/apps/{APP_ID}.png")
    shutil.copy(linux / "install.sh", bundle / "install.sh")
    return bundle


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    return subprocess.run(
        ["bash", str(script), *args], env=env, capture_output=True, text=True, check=False
    )


def test_install_then_uninstall_for_one_user_keeps_the_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / ".local/share/ddcheck"
    data.mkdir(parents=True)
    (data / "workspace.sqlite").write_bytes(b"precious")
    bundle = _fake_bundle(tmp_path / "unpacked")

    result = _run(bundle / "install.sh", home)
    assert result.returncode == 0, result.stderr
    prefix = home / ".local/opt/ddcheck"
    link = home / ".local/bin/ddcheck"
    assert link.resolve() == (prefix / "ddcheck").resolve()
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "ddcheck fake\n"
    desktop = (home / f".local/share/applications/{APP_ID}.desktop").read_text()
    assert f"Exec={prefix}/ddcheck %F\n" in desktop
    assert (home / f".local/share/icons/hicolor/48x48/apps/{APP_ID}.png").is_file()
    assert (home / f".local/share/mime/packages/{APP_ID}.xml").is_file()
    if shutil.which("update-mime-database"):  # the types are known to the desktop now
        globs = (home / ".local/share/mime/globs2").read_text()
        assert "application/x-ddcheck-mission:*.ddmission" in globs

    result = _run(prefix / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not prefix.exists()
    assert not link.exists()
    assert not (home / f".local/share/applications/{APP_ID}.desktop").exists()
    assert not (home / f".local/share/mime/packages/{APP_ID}.xml").exists()
    assert (data / "workspace.sqlite").read_bytes() == b"precious"

"""No pydantic plugin an installed package declares is loaded by ddcheck (it could see answers)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLUGIN = """
from pathlib import Path
Path({marker!r}).write_text("loaded")
class Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None
plugin = Plugin()
"""

CHECK = """
import sys
from ddcheck.cli.main import main
code = main(sys.argv[1:])
from pydantic import BaseModel
class Probe(BaseModel):
    value: int
Probe(value=1)
raise SystemExit(code)
"""


def _install_plugin(site: Path, marker: Path) -> None:
    """Put a package declaring a pydantic plugin on `site`, one that leaves `marker` if loaded."""
    (site / "spy_plugin.py").write_text(PLUGIN.format(marker=str(marker)), encoding="utf-8")
    info = site / "spy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")


def _run(code: str, args: list[str], site: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    subprocess.run(
        [sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, timeout=120
    )


def test_an_installed_pydantic_plugin_is_not_loaded_by_ddcheck(tmp_path: Path) -> None:
    site, marker = tmp_path / "site", tmp_path / "plugin-was-loaded"
    site.mkdir()
    _install_plugin(site, marker)
    _run("from pydantic import BaseModel\nclass M(BaseModel):\n    x: int\n", [], site)
    assert marker.exists(), "the spy plugin must load in plain pydantic, or this test shows nothing"
    marker.unlink()
    _run(CHECK, ["--data-dir", str(tmp_path / "ws"), "list"], site)
    assert not marker.exists()

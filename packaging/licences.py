"""Write THIRD-PARTY-NOTICES.txt and the CycloneDX SBOM of the environment a bundle is built from.

    build/venv-tools/bin/python packaging/licences.py PATH/TO/bundle-venv/python OUTPUT_FOLDER

Run with the release-tools venv (packaging/tools-venv.sh, or the steps in build-windows.ps1), so
pip-licenses and cyclonedx-py never enter the bundle's own venv. The notices start with the
Qt/PySide6 LGPL notice (with how to replace the Qt libraries) and the fonts, then list every
package of the bundle's venv (but pip and ddcheck itself) with licence, home page and licence text,
and end with the full LGPL-3.0 and GPL-3.0. The SBOM lists the same packages, ddcheck as the root.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(sys.executable).parent
NOTICES = "THIRD-PARTY-NOTICES.txt"
SBOM = "sbom.cdx.json"

HEADER = """\
Third-party software in ddcheck {version}
{rule}

ddcheck itself is licensed under the EUPL-1.2. This bundle also contains the software listed
below, each under its own licence (the licence texts follow each entry). Generated from the
environment the bundle was built from; the same packages, with versions, are in {sbom}
(CycloneDX) next to this file.


Qt {qt} and PySide6 / Shiboken6 (LGPL-3.0)
{qt_rule}

The Qt libraries (Qt6Core, Qt6Gui, Qt6Widgets, ... and their plugins) and the PySide6 and
Shiboken6 bindings are used under the GNU Lesser General Public License version 3 (LGPL-3.0).
Their source code is available from the Qt Project: https://download.qt.io/official_releases/qt/
and https://code.qt.io/cgit/pyside/pyside-setup.git/ (tag v{qt}). Qt is a trademark of The Qt
Company Ltd. "About Qt" in ddcheck's Help menu shows Qt's own licence information.

You may replace these libraries with your own build of the same (or a compatible) Qt and PySide6
version: they are ordinary shared libraries in the bundle's folder, not linked into the
executable. Replace the files with ones of the same name and start ddcheck again.
  - Linux:   ddcheck/_internal/PySide6/Qt/lib/libQt6*.so.6, plugins in
             ddcheck/_internal/PySide6/Qt/plugins/, the bindings in ddcheck/_internal/PySide6/
             and ddcheck/_internal/shiboken6/.
  - Windows: ddcheck\\_internal\\PySide6\\Qt6*.dll, plugins in
             ddcheck\\_internal\\PySide6\\plugins\\, the bindings (*.pyd) in
             ddcheck\\_internal\\PySide6\\ and ddcheck\\_internal\\shiboken6\\.
  - macOS:   ddcheck.app/Contents/Frameworks/PySide6/Qt/lib/Qt*.framework (sign the app again
             after replacing them).
The full texts of the LGPL-3.0 and of the GPL-3.0 it builds on are at the end of this file.


Fonts
-----

The PDF reports embed the DejaVu fonts (Bitstream Vera and DejaVu licence:
resources/fonts/LICENSE-DejaVu.txt, shipped inside the bundle).


Colour profile
--------------

The PDF reports embed the sRGB IEC61966-2.1 ICC profile of the icc-profiles-free collection
(resources/color/sRGB.icc; "no copyright, use freely", distributed under the zlib licence:
resources/color/LICENSE-sRGB-icc.txt, shipped inside the bundle).


Python packages
---------------

"""


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main(python: str, out: Path) -> None:
    """Write both files for the environment of `python` into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    init = (ROOT / "ddcheck" / "__init__.py").read_text("utf-8")
    version = re.search(r'^__version__ = "([^"]+)"', init, re.M).group(1)
    qt = _run(
        python, "-c", "import importlib.metadata as m; print(m.version('PySide6-Essentials'))"
    )
    title = f"Third-party software in ddcheck {version}"
    header = HEADER.format(
        version=version, rule="=" * len(title), sbom=SBOM, qt=qt.strip(), qt_rule="-" * 50
    )
    packages = _run(
        str(TOOLS / "pip-licenses"), "--python", python, "--from=mixed", "--with-urls",
        "--with-license-file", "--no-license-path", "--with-notice-file",
        "--format=plain-vertical", "--ignore-packages", "ddcheck", "pip",
    )  # fmt: skip
    texts = []
    for name in ("LGPL-3.0", "GPL-3.0"):
        text = (ROOT / "packaging" / "licences" / f"{name}.txt").read_text("utf-8")
        texts.append(f"\n\n{name} (full text, for Qt, PySide6 and Shiboken6)\n{'-' * 60}\n\n{text}")
    notices = header + packages + "".join(texts)
    (out / NOTICES).write_text(notices, encoding="utf-8")

    sbom_path = out / SBOM
    _run(
        str(TOOLS / "cyclonedx-py"), "environment", "--pyproject", str(ROOT / "pyproject.toml"),
        "--mc-type", "application", "--output-reproducible", "--of", "JSON",
        "-o", str(sbom_path), python,
    )  # fmt: skip
    sbom = json.loads(sbom_path.read_text("utf-8"))
    sbom["metadata"]["component"]["version"] = version  # dynamic in pyproject: not read by the tool
    sbom_path.write_text(json.dumps(sbom, indent=2) + "\n", encoding="utf-8")

    names = {c["name"].lower().replace("_", "-") for c in sbom.get("components", [])}
    if (
        not re.search(r"^PySide6[_-]Essentials$", packages, re.M)
        or "pyside6-essentials" not in names
    ):
        sys.exit("the notices or the SBOM do not list PySide6-Essentials")
    print(f"wrote {out / NOTICES} ({len(notices.splitlines())} lines) and {sbom_path}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))

"""Qt lives only in ddcheck/ui: everything else imports without PySide6."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import ddcheck


def non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(ddcheck.__path__, prefix="ddcheck."):
        if info.name.startswith("ddcheck.ui") or info.name == "ddcheck.__main__":
            continue
        names.append(info.name)
    return names


def test_every_package_but_ui_imports_without_pyside6() -> None:
    modules = non_ui_modules()
    assert "ddcheck.domain.templates" in modules and "ddcheck.catalog.loader" in modules
    script = (
        "import importlib, json, sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6':\n"
        "            raise ImportError('PySide6 is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []

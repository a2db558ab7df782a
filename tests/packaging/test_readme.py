"""The README's set-up commands, and the files it names, stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
CI = (ROOT / ".ci" / "run").read_text("utf-8")


def _top_commands() -> list[str]:
    """Return the code blocks above the README's first section heading."""
    top = README.split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", top, re.S)]


def test_readme_opens_with_exactly_two_commands() -> None:
    run_app, run_tests = _top_commands()
    assert run_app == "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/ddcheck"
    assert run_tests.startswith("python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && ")
    assert run_tests.endswith("QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    assert '"$PYTHON" -m venv .venv' in CI
    assert ".venv/bin/pip install -q -e '.[test]'" in CI
    assert "export QT_QPA_PLATFORM=offscreen" in CI
    assert re.search(r"timeout .*\.venv/bin/python -m pytest", CI)


def test_files_the_readme_names_exist() -> None:
    folders = r"(?:packaging|resources|seeds|tests|ddcheck|\.ci)"
    named = set(re.findall(rf"`({folders}/[\w./-]+)`", README))
    named |= set(re.findall(rf"\]\(({folders}/[\w./-]+)\)", README))
    assert named, "the README names no project files"
    not_in_checkout = ("ddcheck/_data/", "ddcheck/ddcheck")  # inside the wheel, the bundle
    missing = sorted(
        p
        for p in named
        if "VERSION" not in p and not p.startswith(not_in_checkout) and not (ROOT / p).exists()
    )
    assert missing == []

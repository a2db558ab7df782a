"""A second open of a workspace in one process keeps SQLite's locks: no commit is lost.

POSIX drops all of a process's locks on a file when it closes any descriptor of that file. The app
opens its workspace again for background work (an import); reading the file's header raw there
dropped the locks of the app's own connection, so a command-line run then deleted the WAL under
the app, and the app's later commits went to a deleted file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ddcheck.domain.dossier import Company, Mission
from ddcheck.services import SimpleCatalog, Workspace
from ddcheck.store.database import held_open, looks_like_sqlite
from tests.services.conftest import load_template

ROOT = Path(__file__).resolve().parents[2]
LIST = (
    "import sys\n"
    "from ddcheck.services import SimpleCatalog, Workspace\n"
    "with Workspace.open(sys.argv[1], catalog=SimpleCatalog.of([])) as ws:\n"
    "    print(len(list(ws.list_dossiers())))\n"
)


def _other_process_count(data_dir: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", LIST, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def test_a_second_open_in_one_process_keeps_the_first_connections_locks(tmp_path: Path) -> None:
    catalog = SimpleCatalog.of([load_template("mini-v1")])
    with Workspace.open(tmp_path, user="app", catalog=catalog) as app:
        app.create_dossier(Company(name="Eerste B.V."), Mission(name="Riyad"))
        assert held_open(tmp_path / "workspace.sqlite")
        with Workspace.open(tmp_path, user="worker", catalog=catalog):  # the app's background job
            pass
        assert _other_process_count(tmp_path) == 1  # the command line opens and closes it
        app.create_dossier(Company(name="Tweede B.V."), Mission(name="Riyad"))
        assert _other_process_count(tmp_path) == 2, "the app's commit went to a deleted WAL"
    assert not held_open(tmp_path / "workspace.sqlite")
    assert looks_like_sqlite(tmp_path / "workspace.sqlite")

"""Two workspaces (a company's and an adviser's) and a dump of a workspace file for comparisons."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ddcheck.domain.dossier import Action, Company, Dossier, Mission
from ddcheck.services import SimpleCatalog, Workspace
from tests.factories import make_registry
from tests.services.conftest import Clock, load_template


def catalog() -> SimpleCatalog:
    """Return the small test catalog."""
    templates = [load_template("mini-v1"), load_template("briefing-sa")]
    return SimpleCatalog.of(templates, make_registry())


def open_workspace(root: Path, user: str = "tester") -> Workspace:
    """Open a workspace on the test catalog with a fixed clock."""
    return Workspace.open(root, user=user, catalog=catalog(), clock=Clock())


def filled(
    ws: Workspace, company: str = "Van Dijk BV", mission: str = "Missie Riyad 2027"
) -> Dossier:
    """Create and fill in a dossier: answers, a confidential one, evidence and an action."""
    d = ws.create_dossier(
        Company(name=company, kvk_number="12345678"),
        Mission(name=mission, destinations=["SA"], export_credit_insurance=True),
        "nl",
    )
    ws.answer(d.id, "mini", "policy", value="yes", note="Signed by the board.")
    ws.answer(d.id, "mini", "grievance", value="partly", note="A hotline exists.")
    ws.answer(d.id, "mini", "ekv-esap", value="no", note="Not yet.")
    ws.answer(d.id, "mini", "remarks", value="SECRET supplier list", confidential=True)
    ws.add_action(
        d.id,
        Action(
            id=f"a1-{d.id}", action="Write an ESAP", priority="high", item_keys=["mini/ekv-esap"]
        ),
    )
    return ws.get_dossier(d.id)


def dump(path: Path) -> list[tuple[str, list[tuple]]]:
    """Return every table's rows of a workspace file (read-only), for before/after comparisons."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return [
            (t, sorted(conn.execute(f"SELECT * FROM '{t}'").fetchall(), key=repr)) for t in tables
        ]
    finally:
        conn.close()

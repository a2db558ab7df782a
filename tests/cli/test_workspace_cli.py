"""The workspace commands: new, list, show, answer, attach, actions, history, demo, backup,
restore and check; their output, JSON and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.paths import DATA_DIR_ENV, data_paths
from ddcheck.services.demo_content import CONFIDENTIAL_NOTE


class Cli:
    """Runs `ddcheck` in-process against one data folder and keeps the output."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture) -> None:
        self.data_dir = data_dir
        self.capsys = capsys
        self.out = ""
        self.err = ""

    def __call__(self, *args: str) -> int:
        code = main(["--data-dir", str(self.data_dir), *args])
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return code

    def json(self, *args: str):
        assert self(*args, "--json") == 0, self.err
        return json.loads(self.out)


@pytest.fixture(scope="module")
def shipped_catalog():
    from ddcheck.catalog import load_shipped_catalog

    return load_shipped_catalog()


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch, shipped_catalog) -> Cli:
    # Loading the shipped catalog takes about half a second; load it once for this module.
    monkeypatch.setattr("ddcheck.services.workspace.default_catalog", lambda: shipped_catalog)
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def dossier_id(cli: Cli) -> str:
    assert (
        cli(
            "new",
            "--company",
            "Van Dijk Bouw B.V.",
            "--kvk",
            "12345678",
            "--mission",
            "Riyad 2027",
            "--destinations",
            "sa",
            "--activities",
            "export,project",
            "--ekv",
        )
        == 0
    )
    return cli.out.split()[0]


def _status_item(data: dict) -> dict:
    return next(i for i in data["items"] if i["scale"] == "status" and not i["answered"])


def test_new_prints_the_id_and_the_checklists_that_apply(cli: Cli, dossier_id: str):
    assert cli("new", "--company", "X B.V.", "--mission", "Riyad", "--destinations", "SA") == 0
    assert "briefing-saudi-gulf" in cli.out
    data = cli.json("show", dossier_id)
    assert data["company"]["kvk_number"] == "12345678"
    assert data["mission"]["destinations"] == ["SA"]
    assert data["mission"]["export_credit_insurance"] is True
    assert {t["id"] for t in data["templates"]} >= {"oecd-selfscan", "ifc-screening"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kvk", "123"], "KvK number has exactly 8 digits"),
        (["--destinations", "Saudi"], "two-letter"),
        (["--destinations", "SA,XX"], "'XX' is not a country code"),
        (["--start", "2027-02-05", "--end", "2027-02-01"], "ends before it starts"),
        (["--activities", "mining"], "Unknown activity mining"),
        (["--company", " "], "company name"),
    ],
)
def test_new_refuses_bad_profile_values_in_one_line(cli: Cli, args, message):
    assert cli("new", "--company", "X", "--mission", "M", *args) == 2
    assert message in cli.err
    assert cli.err.count("\n") == 1 and "Traceback" not in cli.err
    assert "String should" not in cli.err and "Value error" not in cli.err


def test_new_accepts_a_kvk_number_with_spaces(cli: Cli):
    assert cli("new", "--company", "X", "--mission", "M", "--kvk", "1234 5678") == 0, cli.err
    assert cli.json("list")[0]["company"]["kvk_number"] == "12345678"


def test_list_shows_dossiers_and_json_has_progress(cli: Cli, dossier_id: str):
    assert cli("list") == 0
    assert dossier_id in cli.out and "Van Dijk Bouw B.V." in cli.out
    [info] = cli.json("list")
    assert info["id"] == dossier_id
    assert info["progress"]["answered"] == 0 and info["progress"]["total"] > 50
    assert info["destinations"] == ["SA"]


def test_show_json_lists_every_applicable_item_with_its_answer(cli: Cli, dossier_id: str):
    data = cli.json("show", dossier_id[:5])
    assert len(data["items"]) == data["progress"]["total"]
    item = _status_item(data)
    assert cli("answer", dossier_id, item["key"], "partly", "--note", "half klaar") == 0
    data = cli.json("show", dossier_id)
    shown = next(i for i in data["items"] if i["key"] == item["key"])
    assert (shown["value"], shown["note"], shown["answered"]) == ("partly", "half klaar", True)
    assert shown["gap"] is True


def test_answer_by_bare_item_id_with_marks_and_risk(cli: Cli, dossier_id: str):
    item = _status_item(cli.json("show", dossier_id))
    args = [
        "answer",
        dossier_id[:6],
        item["item"],
        "no",
        "--confidential",
        "--review",
        "--severity",
        "3",
        "--likelihood",
        "2",
        "--involvement",
        "linked",
    ]
    assert cli(*args) == 0
    assert "value: None → 'no'" in cli.out
    shown = next(i for i in cli.json("show", dossier_id)["items"] if i["key"] == item["key"])
    assert shown["confidential"] and shown["review"]
    assert shown["risk"] == {"severity": 3, "likelihood": 2, "involvement": "linked"}


def test_a_wrong_value_lists_the_valid_options(cli: Cli, dossier_id: str):
    item = _status_item(cli.json("show", dossier_id))
    assert cli("answer", dossier_id, item["key"], "maybe") == 2
    assert "'maybe' is not an option" in cli.err and "partly (Partly)" in cli.err
    assert cli.err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["answer", "zzzz", "x", "yes"], "No dossier id starts with 'zzzz'"),
        (["answer", "{id}", "no-such-item", "yes"], "has an item 'no-such-item'"),
        (["show", "{id}x"], "No dossier id starts with"),
        (["attach", "{id}", "/no/such/file.pdf"], "Cannot read"),
        (["answer", "{id}", "oecd-selfscan/s1-policy"], "Give a VALUE"),
        (["restore"], "There is no good backup"),
    ],
)
def test_user_errors_exit_2_with_one_line(cli: Cli, dossier_id: str, args, message):
    assert cli(*[a.format(id=dossier_id) for a in args]) == 2
    assert message in cli.err and cli.err.count("\n") == 1


def test_attach_stores_the_file_and_links_it(cli: Cli, dossier_id: str, tmp_path: Path):
    item = _status_item(cli.json("show", dossier_id))
    file = tmp_path / "beleid.pdf"
    file.write_bytes(b"%PDF-1.4 demo")
    evidence = cli.json("attach", dossier_id, str(file), "--item", item["key"])
    assert evidence["name"] == "beleid.pdf" and evidence["size"] == 13
    shown = next(i for i in cli.json("show", dossier_id)["items"] if i["key"] == item["key"])
    assert shown["evidence_ids"] == [evidence["id"]]
    assert cli("attach", dossier_id, str(file)) == 0 and "already in the dossier" in cli.out
    assert evidence["id"] in cli.out


def test_actions_propose_and_save(cli: Cli, dossier_id: str):
    item = _status_item(cli.json("show", dossier_id))
    cli("answer", dossier_id, item["key"], "no")
    assert cli("actions", dossier_id) == 0 and "No actions yet" in cli.out
    proposals = cli.json("actions", dossier_id, "--propose")
    assert [p["item_keys"] for p in proposals] == [[item["key"]]]
    assert cli("actions", dossier_id, "--propose", "--save") == 0
    assert len(cli.json("actions", dossier_id)) == 1
    assert cli.json("actions", dossier_id, "--propose") == []


def test_history_shows_who_changed_what(cli: Cli, dossier_id: str):
    item = _status_item(cli.json("show", dossier_id))
    cli("answer", dossier_id, item["key"], "yes")
    cli("answer", dossier_id, item["key"], "no")
    rows = cli.json("history", dossier_id)
    assert [(r["field"], r["old"], r["new"]) for r in rows[-2:]] == [
        ("value", None, "yes"),
        ("value", "yes", "no"),
    ]
    assert cli("history", dossier_id, "--limit", "1") == 0
    assert cli.out.count("\n") == 1 and "'yes' → 'no'" in cli.out


def test_demo_then_show_prints_the_demo_dossier(cli: Cli):
    assert cli("demo") == 0
    dossier_id = cli.out.split()[0]
    assert cli("show", dossier_id) == 0
    assert "Hollandse Hijs- en Graaftechniek B.V." in cli.out
    assert "[!]" in cli.out and "(C)" in cli.out
    data = cli.json("show", dossier_id)
    assert data["red_flags"] and len(data["evidence"]) == 3
    assert 0 < data["progress"]["answered"] < data["progress"]["total"]
    notes = [i["note"] for i in data["items"] if i["confidential"]]
    assert notes == [CONFIDENTIAL_NOTE]
    statuses = {a["status"] for a in data["actions"]}
    assert "done" in statuses and any(not a["owner"] for a in data["actions"])


def test_demo_items_makes_a_synthetic_dossier(cli: Cli):
    data = cli.json("demo", "--items", "120")
    synthetic = [i for i in data["items"] if i["template"] == "synthetic-120"]
    assert len(synthetic) == 120 and all(i["answered"] for i in synthetic)


def test_backup_list_restore_and_check(cli: Cli, dossier_id: str):
    assert cli("backup") == 0
    backup = Path(cli.out.strip())
    assert backup.is_file()
    kinds = [b["kind"] for b in cli.json("backup", "--list")]
    assert "manual" in kinds
    assert cli("check") == 0 and cli.out.startswith("ok:")

    cli("new", "--company", "Later B.V.", "--mission", "M")
    assert len(cli.json("list")) == 2
    assert cli("restore", backup.name) == 0
    assert [d["id"] for d in cli.json("list")] == [dossier_id]


def test_a_damaged_workspace_is_reported_in_one_line_and_can_be_restored(cli: Cli, dossier_id):
    cli("backup")
    database = data_paths(cli.data_dir).database
    database.write_bytes(b"not a database" * 1000)
    assert cli("list") == 2
    assert "damaged" in cli.err and "ddcheck restore" in cli.err and cli.err.count("\n") == 1
    assert list(data_paths(cli.data_dir).damaged.iterdir())
    assert cli("restore") == 0
    assert [d["id"] for d in cli.json("list")] == [dossier_id]


@pytest.mark.slow
def test_a_real_subprocess_run(tmp_path: Path):
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "ddcheck", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    demo = run("demo")
    assert demo.returncode == 0, demo.stderr
    shown = run("show", demo.stdout.split()[0])
    assert shown.returncode == 0 and "Hollandse Hijs" in shown.stdout
    bad = run("answer", "nope", "x", "y")
    assert (
        bad.returncode == 2 and bad.stderr.startswith("ddcheck: ") and "Traceback" not in bad.stderr
    )


def _damage(cli: Cli) -> None:
    """Back up, truncate the workspace, and open it once (the damage event)."""
    assert cli("backup") == 0
    database = data_paths(cli.data_dir).database
    with database.open("r+b") as handle:
        handle.truncate(4096)
    assert cli("list") == 2 and "damaged" in cli.err


def test_a_damaged_workspace_is_mentioned_on_every_open_until_resolved(cli: Cli, dossier_id):
    _damage(cli)
    backup = next(data_paths(cli.data_dir).backups.glob("manual-*.sqlite"))
    for command in (("list",), ("list",), ("show", "nothing")):
        cli(*command)
        assert "damaged" in cli.err and backup.name in cli.err, command
        assert "ddcheck restore" in cli.err
    assert cli("check") == 1 and "damaged" in cli.out
    assert cli("restore") == 0
    # the new workspace held nothing, so no 'pre-restore' copy of it piles up
    assert not list(data_paths(cli.data_dir).backups.glob("pre-restore-*"))
    assert [d["id"] for d in cli.json("list")] == [dossier_id]
    assert "damaged" not in cli.err
    assert cli("check") == 0


def test_start_empty_dismisses_the_damaged_file_but_keeps_it(cli: Cli, dossier_id):
    _damage(cli)
    assert cli("restore", "--start-empty") == 0
    paths = data_paths(cli.data_dir)
    assert list((paths.damaged / "resolved").glob("*.sqlite"))
    assert cli("list") == 0 and cli.err == ""
    assert cli("check") == 0
    assert cli("restore", "--start-empty") == 0 and "nothing" in cli.out.lower()


def test_answer_echo_is_short_and_not_applicable_asks_for_a_reason(cli: Cli, dossier_id: str):
    item = _status_item(cli.json("show", dossier_id))
    assert cli("answer", dossier_id, item["key"], "na") == 0
    assert "needs a reason" in cli.out and "--note" in cli.out and "block" in cli.out
    long_note = "Because " + "very " * 200 + "long."
    assert cli("answer", dossier_id, item["key"], "--note", long_note) == 0
    assert all(len(line) < 200 for line in cli.out.splitlines())
    assert "needs a reason" not in cli.out
    shown = next(i for i in cli.json("show", dossier_id)["items"] if i["key"] == item["key"])
    assert shown["note"] == long_note


def test_show_has_the_advisers_comments_and_actions_marks_agreed_ones(cli: Cli, dossier_id):
    import datetime as dt

    from ddcheck.domain.dossier import Action, ItemReview, Review
    from ddcheck.services import Workspace

    item = _status_item(cli.json("show", dossier_id))
    template_id, item_id = item["key"].split("/")
    cli("answer", dossier_id, item["key"], "no")
    review = Review(
        id="r1",
        reviewer="Anna Adviseur",
        reviewed_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        verdict="sufficient_with_actions",
        items=[
            ItemReview(
                template_id=template_id,
                item_id=item_id,
                assessment="question",
                comment="Which suppliers does this cover?",
            )
        ],
    )
    with Workspace.open(cli.data_dir) as ws:
        ws.record_review(dossier_id, review)
        ws.add_action(
            dossier_id, Action(id="a1", action="Audit suppliers", agreed_with_adviser=True)
        )
        ws.add_action(dossier_id, Action(id="a2", action="Own idea"))
    assert cli("show", dossier_id) == 0
    assert "Which suppliers does this cover?" in cli.out and "Anna Adviseur" in cli.out
    shown = next(i for i in cli.json("show", dossier_id)["items"] if i["key"] == item["key"])
    assert shown["adviser"] == {
        "assessment": "question",
        "comment": "Which suppliers does this cover?",
    }
    assert cli("actions", dossier_id) == 0
    agreed = next(line for line in cli.out.splitlines() if "Audit suppliers" in line)
    own = next(line for line in cli.out.splitlines() if "Own idea" in line)
    assert "agreed" in agreed.lower() and "agreed" not in own.lower()


def test_actions_show_overdue_and_due_within_14_days(cli: Cli, dossier_id: str, tmp_path: Path):
    import datetime as dt

    from ddcheck.domain.dossier import Action
    from ddcheck.services import Workspace

    today = dt.date.today()
    with Workspace.open(Path(cli.data_dir)) as ws:
        for n, days in enumerate((-1, 3, 40)):
            due = today + dt.timedelta(days=days)
            ws.add_action(dossier_id, Action(id=f"x{n}", action=f"Act {n}", due=due))
    assert cli("actions", dossier_id) == 0
    assert "1 overdue, 1 due within 14 days" in cli.out
    lines = {ln.split()[0]: ln for ln in cli.out.splitlines()[2:]}
    assert "OVERDUE" in lines["x0"] and "due soon" in lines["x1"]
    assert "OVERDUE" not in lines["x2"] and "due soon" not in lines["x2"]


def test_attach_a_link_with_its_dates(cli: Cli, dossier_id: str):
    item = _status_item(cli.json("show", dossier_id))
    url = "https://sharepoint.example.com/hr/Gedragscode.pdf"
    args = ("attach", dossier_id, "--link", url, "--item", item["key"])
    assert cli(*args, "--dated", "2026-03-01", "--valid-until", "2027-03-01") == 0, cli.err
    assert "link, kept where it is, not opened" in cli.out and f"at {url}" in cli.out
    assert "valid until 2027-03-01" in cli.out
    shown = cli.json("show", dossier_id)
    evidence = shown["evidence"][0]
    assert evidence["location"] == url and evidence["valid_until"] == "2027-03-01"
    assert cli("attach", dossier_id, "--link", "javascript:alert(1)") != 0
    assert "not a web link" in cli.err
    assert cli("attach", dossier_id) != 0 and "--link" in cli.err
    with pytest.raises(SystemExit):
        cli("attach", dossier_id, "--link", url, "--dated", "1 March")

"""The mission overview: every received dossier of one mission side by side; CSV and PDF."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ddcheck.domain.cells import safe_row
from ddcheck.domain.deadlines import count_deadlines
from ddcheck.domain.overview import (
    SORT_KEYS,
    MissionGroup,
    MissionOverview,
    OverviewRow,
    filter_rows,
    sort_rows,
)
from ddcheck.domain.readiness import readiness
from ddcheck.domain.received import ReceivedDossier, mission_key
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.catalogs import signature
from ddcheck.services.errors import InvalidInput
from ddcheck.services.files import write_atomically
from ddcheck.services.received import ReceivedOps
from ddcheck.store import missions as mission_rows
from ddcheck.store import received as received_rows

CSV_COLUMNS: tuple[str, ...] = (
    "company",
    "mission",
    "completion_percent",
    "answered",
    "total",
    "red_flags",
    "open_high_actions",
    "overdue_actions",
    "due_within_14_days",
    "withheld_items",
    "verdict",
    "revision",
    "exported_at",
    "dossier_id",
)


def overview_csv(overview: MissionOverview) -> str:
    """Return the overview as CSV text; cells that would start a spreadsheet formula are quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in overview.rows:
        writer.writerow(safe_row(row_values(row)))
    return buffer.getvalue()


class OverviewOps(ReceivedOps):
    """All companies of a mission in one table."""

    def missions(self) -> list[MissionGroup]:
        """Return the missions of the received dossiers, with how many dossiers each has."""
        groups: dict[str, list[str]] = {}
        for row in received_rows.list_received(self._store.conn):
            groups.setdefault(row.mission_key, []).append(row.mission)
        return [
            MissionGroup(key, sorted(names)[0], len(names)) for key, names in sorted(groups.items())
        ]

    def _counts(self, received: ReceivedDossier) -> tuple[int, int, int, int]:
        """Return (answered, total, red flags, required unanswered) of a revision, cached per
        revision and templates."""
        cache: dict[tuple[str, str], tuple[int, int, int, int]] = self.__dict__.setdefault(
            "_overview_counts", {}
        )
        key = (received.revision.fingerprint, signature(self._templates))
        found = cache.get(key)
        if found is not None:
            return found
        summary = self.received_summary(received)
        withheld = set(received.withheld_items)
        applicable = {entry.key for entry in summary.entries}
        answered = summary.overall.answered + len(
            {k for k in withheld & applicable if not summary.answers.get(k)}
        )
        total = summary.overall.total
        required = readiness(
            received.dossier, self._templates, frozenset(withheld), summary
        ).required_unanswered
        if not total:  # templates unknown here: count what the company reported
            answered = total = len(received.rendered_answers) + len(withheld)
        found = cache[key] = (min(answered, total), total, len(summary.red_flags), required)
        return found

    def overview_row(self, received: ReceivedDossier) -> OverviewRow:
        """Return the overview line of one received dossier."""
        answered, total, red_flags, required = self._counts(received)
        withheld = received.withheld_items
        dossier = received.dossier
        deadlines = count_deadlines(dossier.actions, self._now().astimezone().date())
        return OverviewRow(
            received_id=received.id,
            dossier_id=dossier.id,
            company=dossier.company.name,
            mission=dossier.mission.name,
            revision=received.revision.number,
            exported_at=received.revision.generated_at,
            answered=answered,
            total=total,
            red_flags=red_flags,
            open_high_actions=sum(1 for a in dossier.actions if a.priority == "high" and a.is_open),
            withheld_items=len(withheld),
            verdict=received.review.verdict if received.review else None,
            kvk=dossier.company.kvk_number,
            mission_id=dossier.mission.mission_id
            or mission_rows.received_mission_id(self._store.conn, received.id),
            required_unanswered=required,
            overdue_actions=deadlines.overdue,
            due_soon_actions=deadlines.due_soon,
            signature=received.revision.signature,
        )

    def mission_overview(
        self,
        mission: str | None = None,
        *,
        sort: str = "company",
        descending: bool = False,
        text: str = "",
        verdict: str | None = None,
        red_flags_only: bool = False,
    ) -> MissionOverview:
        """Return the overview of one mission (name, case and spacing ignored) or of all."""
        key = mission_key(mission) if mission is not None else None
        rows = [
            self.overview_row(self.get_received(row.id))
            for row in received_rows.list_received(self._store.conn, key)
        ]
        name = mission
        if key is not None and rows:
            name = rows[0].mission
        if sort not in SORT_KEYS:
            raise InvalidInput(
                catalog_entry("error", "Cannot sort by '{sort}'; choose one of {keys}."),
                sort=sort,
                keys=", ".join(SORT_KEYS),
            )
        rows = filter_rows(rows, text, verdict=verdict, red_flags_only=red_flags_only)
        return MissionOverview(name, tuple(sort_rows(rows, sort, descending)))

    def export_overview_csv(self, overview: MissionOverview, out_path: Path | str) -> Path:
        """Write the overview as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
        target = Path(out_path)
        write_atomically(target, ("\ufeff" + overview_csv(overview)).encode("utf-8"))
        return target

    def export_overview_workbook(self, overview: MissionOverview, out_path: Path | str) -> Path:
        """Write the overview as an XLSX (or, by suffix, ODS) workbook: one typed row a dossier."""
        from ddcheck.exchange.sheet_files import ods_bytes, xlsx_bytes
        from ddcheck.exchange.workbook import Sheet, sheet_title

        target = Path(out_path)
        rows: list[list[str | int | float | None]] = [list(CSV_COLUMNS)]
        for row in overview.rows:
            rows.append(row_values(row))
        sheets = [Sheet(sheet_title(overview.mission or "Overview", set()), rows)]
        ods = target.suffix.lower() == ".ods"
        write_atomically(target, ods_bytes(sheets) if ods else xlsx_bytes(sheets))
        return target

    def export_overview_pdf(
        self, overview: MissionOverview, out_path: Path | str, lang: Language = "nl"
    ) -> Path:
        """Write the overview as a PDF table in the report's style."""
        from ddcheck.report.overview_pdf import render_overview_pdf

        if lang not in ("nl", "en"):
            raise ValueError(f"no report language {lang!r}")  # Language says which there are
        target = Path(out_path)
        write_atomically(target, render_overview_pdf(overview, lang, self._now()))
        return target


def row_values(row: OverviewRow) -> list[str | int | float | None]:
    """Return one company's overview figures in the order of CSV_COLUMNS."""
    return [
        row.company,
        row.mission,
        row.completion,
        row.answered,
        row.total,
        row.red_flags,
        row.open_high_actions,
        row.overdue_actions,
        row.due_soon_actions,
        row.withheld_items,
        row.verdict or "",
        row.revision,
        row.exported_at.isoformat(),
        row.dossier_id,
    ]

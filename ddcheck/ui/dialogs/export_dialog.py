"""Export a PDF or a workbook (.xlsx, .ods): language, audience, file type and file; gate
findings first; background with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import catalog_entry, words_for
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, TIGHT, hbox, label, vbox
from ddcheck.ui.models.icons import status_icon
from ddcheck.ui.session import DossierSession
from ddcheck.ui.tasks import TaskHandle

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ExportFn = Callable[..., Any]


FILE_TYPES = (".pdf", ".xlsx", ".ods")


def file_type_labels() -> dict[str, str]:
    """Return the file types the dialog offers, as the user reads them."""
    return {
        ".pdf": tr("PDF report (.pdf)"),
        ".xlsx": tr("Excel workbook (.xlsx)"),
        ".ods": tr("OpenDocument spreadsheet (.ods)"),
    }


def default_export_fn(snapshot: Any, path: Path, **kwargs: Any) -> Any:
    """Write the PDF, or by suffix the workbook, with the services' exporters (imported lazily)."""
    if path.suffix.lower() in (".xlsx", ".ods"):
        from ddcheck.services.export import export_workbook

        return export_workbook(snapshot, path, lang=kwargs["lang"], audience=kwargs["audience"])
    from ddcheck.services.export import export_pdf

    return export_pdf(snapshot, path, **kwargs)


# the audience as the suggested file name says it, in the export's language
_AUDIENCE_IN_NAME = {
    "adviser": catalog_entry("export file name", "adviser"),
    "internal": catalog_entry("export file name", "internal"),
}


def suggested_name(
    session: DossierSession, lang: Language, audience: str, suffix: str = ".pdf"
) -> str:
    """Return a file name for the export."""
    company = (
        "".join(c for c in session.dossier.company.name if c.isalnum() or c in " -_").strip()
        or "dossier"
    )
    kind = words_for(lang).entry(_AUDIENCE_IN_NAME[audience])
    return f"{company} - {session.dossier.mission.name[:40]} - {kind}{suffix}".replace("/", "-")


class ExportDialog(QDialog):
    """Choose language, audience and file; check the gate; export in the background."""

    itemRequested = Signal(str)
    finished_export = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        session: DossierSession,
        export_fn: ExportFn = default_export_fn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.export_fn = export_fn
        self.handle: TaskHandle | None = None
        self.result_path: Path | None = None
        self.setWindowTitle(tr("Export"))
        self.language = QComboBox(self)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if session.dossier.language == "nl" else 1)
        self.audience = QComboBox(self)
        self.audience.addItem(tr("For the RVO adviser (confidential answers withheld)"), "adviser")
        self.audience.addItem(
            tr("Internal (everything, including confidential answers)"), "internal"
        )
        self.file_type = named(QComboBox(self), tr("File type"))
        for suffix, text in file_type_labels().items():
            self.file_type.addItem(text, suffix)
        self.path = QLineEdit(self)
        named(self.path, tr("Save as"))
        self.browse = QPushButton(tr("Choose…"), self)
        self.browse.clicked.connect(self._browse)
        self.findings = QListWidget(self)
        named(self.findings, tr("Export check"), tr("Enter goes to the item of a finding"))
        self.findings.setWordWrap(True)
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.itemActivated.connect(self._go_to)
        self.findings.itemDoubleClicked.connect(self._go_to)
        self.gate_title = label("", "subtitle")
        self.gate_hint = label("", "muted", wrap=True)
        self.progress = QProgressBar(self)
        self.progress.setProperty("role", "export")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = label("", "muted", wrap=True)
        self.export_button = QPushButton(tr("Export"), self)
        self.export_button.setProperty("role", "primary")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        form = QFormLayout()
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("For whom"), self.audience)
        form.addRow(tr("File type"), self.file_type)
        form.addRow(tr("Save as"), hbox(self.path, self.browse, spacing=TIGHT))
        self.setLayout(
            vbox(
                self.gate_title,
                self.gate_hint,
                self.findings,
                form,
                self.progress,
                self.status,
                hbox(1, self.cancel_button, self.export_button),
                margin=MARGIN,
            )
        )
        self.language.currentIndexChanged.connect(self._options_changed)
        self.audience.currentIndexChanged.connect(self._options_changed)
        self.file_type.currentIndexChanged.connect(self._options_changed)
        self._options_changed()
        self.resize(720, 560)

    def lang(self) -> Language:
        """Return the chosen PDF language."""
        return self.language.currentData()

    def suffix(self) -> str:
        """Return the chosen file type's suffix: .pdf, .xlsx or .ods."""
        return str(self.file_type.currentData())

    def _options_changed(self, *_args: object) -> None:
        folder = Path(self.path.text()).parent if self.path.text() else Path.home()
        name = suggested_name(self.session, self.lang(), self.audience.currentData(), self.suffix())
        self.path.setText(str(folder / name))
        self._show_gate()

    def _show_gate(self) -> None:
        report = self.session.gate()
        lang = self.lang()
        self.findings.clear()
        for finding in (*report.blockers, *report.warnings):
            item = QListWidgetItem(
                status_icon("red" if finding.level == "block" else "gap"), finding.text(lang)
            )
            item.setData(KEY_ROLE, finding.item_key)
            self.findings.addItem(item)
        adviser = self.audience.currentData() == "adviser"
        if report.blockers and adviser:
            self.gate_title.setText(tr("Fix these before exporting for the adviser"))
            self.gate_hint.setText(
                tr("Double-click a line to go to the item. An internal export is possible now.")
            )
        elif report.findings:
            self.gate_title.setText(tr("Check these before you send the PDF"))
            self.gate_hint.setText(tr("You can export now; the adviser will see what is missing."))
        else:
            self.gate_title.setText(tr("Ready to export"))
            self.gate_hint.setText(
                tr("Every item that applies is answered and every red flag has an action.")
            )
        self.findings.setVisible(bool(report.findings))
        self.export_button.setEnabled(not (report.blockers and adviser))

    def _go_to(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.itemRequested.emit(str(key))
            self.reject()

    def _browse(self) -> None:
        suffix = self.suffix()
        chosen = self.ctx.prompts.save_file(
            self,
            tr("Save as"),
            Path(self.path.text()),
            f"{file_type_labels()[suffix]} (*{suffix})",
        )
        if chosen is not None:
            self.path.setText(
                str(chosen if chosen.suffix.lower() == suffix else chosen.with_suffix(suffix))
            )

    def start(self) -> None:
        """Start the export in the background."""
        text = self.path.text().strip()
        if not text:
            self.status.setText(tr("Choose where to save the file."))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != self.suffix():
            path = path.with_name(path.name + self.suffix())
        snapshot = self.session.snapshot()
        lang, audience = self.lang(), self.audience.currentData()
        export_fn = self.export_fn
        # the workspace's signing key, read here (the database belongs to this thread)
        key = self.ctx.attached_workspace().signing_key(snapshot.dossier.company.name)

        def work(report: Callable[[float], None], cancelled: Callable[[], bool]) -> Any:
            return export_fn(
                snapshot,
                path,
                lang=lang,
                audience=audience,
                progress=lambda done, total: report(done / max(total, 1)),
                cancel=cancelled,
                key=key,
            )

        for widget in (self.language, self.audience, self.file_type, self.path, self.browse):
            widget.setEnabled(False)
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(
            tr("Writing the PDF…") if self.suffix() == ".pdf" else tr("Writing the workbook…")
        )
        self.handle = self.ctx.tasks.start(
            work,
            on_done=lambda result: self._done(path, result),
            on_failed=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, share: float) -> None:
        self.progress.setValue(int(share * 1000))

    def _done(self, path: Path, _result: Any) -> None:
        self.handle = None
        self.result_path = path
        self.progress.setValue(1000)
        self.status.setText(tr("Saved as {path}", path=str(path)))
        self.finished_export.emit(path)
        self.accept()
        if self.ctx.prompts.ask_open_result(self.parentWidget(), path):
            self.ctx.open_path(path)

    def _failed(self, error: BaseException) -> None:
        self.handle = None
        from ddcheck.services.export import ExportCancelled
        from ddcheck.ui.tasks import Cancelled

        cancelled = isinstance(error, ExportCancelled | Cancelled)
        self.progress.hide()
        for widget in (self.language, self.audience, self.file_type, self.path, self.browse):
            widget.setEnabled(True)
        self._show_gate()
        self.status.setText(
            tr("Export cancelled; nothing was written.")
            if cancelled
            else tr("The export failed: {error}", error=error_text(error, i18n.language()))
        )
        self.status.setProperty("role", "muted" if cancelled else "error")

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.status.setText(tr("Cancelling…"))
        else:
            self.reject()

    @property
    def running(self) -> bool:
        """Return whether an export is running."""
        return self.handle is not None

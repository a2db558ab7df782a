"""The UI language: our word catalog and Qt's own translations (dialog buttons), together."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ddcheck.ui import i18n
from ddcheck.ui.i18n import Language

log = logging.getLogger(__name__)


class Translators:
    """Install our catalog language and Qt's own translations (dialog buttons) together."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._qt: QTranslator | None = None

    def apply(self, lang: Language) -> None:
        """Switch the UI language."""
        i18n.set_language(lang)
        if self._qt is not None:
            self._app.removeTranslator(self._qt)
            self._qt = None
        if lang == "nl":
            from PySide6.QtCore import QLibraryInfo

            translator = QTranslator(self._app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
                self._app.installTranslator(translator)
                self._qt = translator
            else:
                log.warning("Qt's Dutch translations were not found in %s", folder)
        QLocale.setDefault(
            QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
        )

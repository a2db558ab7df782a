"""A dialog that lets the user pick one of a list of options."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from ddcheck.ui.i18n import tr


def choice_dialog(
    parent: QWidget | None, title: str, label: str, options: list[str]
) -> QInputDialog:
    """Return a dialog that lets the user pick one of `options` from a list."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(options)
    dialog.setComboBoxEditable(False)
    dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems, True)
    dialog.setOkButtonText(tr("Export…"))
    dialog.setCancelButtonText(tr("Cancel"))
    dialog.resize(820, 360)
    return dialog

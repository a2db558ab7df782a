"""The head of a received dossier's page: company, mission and where it stands, as badges."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from ddcheck.domain.formatting import country_name
from ddcheck.domain.visible import visible_controls
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import datetime_text
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import TIGHT, hbox, label, vbox
from ddcheck.ui.pages.review_panel import clear_layout


class ReceivedHeader(QWidget):
    """Company (wrapped, the title as tooltip), mission line, and badges with the figures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("", "title", wrap=True)
        self.meta = label("", "muted", wrap=True)
        self.badges = hbox(spacing=TIGHT)
        self.trust_button: QPushButton | None = None  # on "Signed with another key"
        self.setLayout(vbox(self.heading, self.meta, self.badges, spacing=TIGHT))

    def show_session(self, session: Any, on_trust: Callable[[], Any] | None = None) -> None:
        """Show the received dossier of a review session; `on_trust` accepts a changed key."""
        received, dossier = session.received, session.received.dossier
        self.heading.setText(visible_controls(dossier.company.name))
        self.heading.setToolTip(received.title)
        places = ", ".join(country_name(c, i18n.language()) for c in dossier.mission.destinations)
        parts = [
            dossier.mission.name,
            tr("KvK {number}", number=dossier.company.kvk_number)
            if dossier.company.kvk_number
            else "",
            places,
            tr("exported {date}", date=datetime_text(received.revision.generated_at)),
            tr("read-only"),
        ]
        self.meta.setText(visible_controls(" · ".join(p for p in parts if p)))
        clear_layout(self.badges)
        self.trust_button = None
        badges = self.badges
        percent = session.row.completion  # as in the mission overview
        red = len(session.summary.red_flags)
        withheld = len(received.withheld_items)
        badges.addWidget(label(tr("{p}% complete", p=percent), "badge-muted"))
        if red:
            badges.addWidget(label(tr("{n} red flags", n=red), "badge-red"))
        if withheld:
            badges.addWidget(label(tr("{n} withheld", n=withheld), "badge-amber"))
        if received.revision.text_only:
            unchecked = label(tr("pages not checked"), "badge-amber")
            unchecked.setToolTip(
                tr(
                    "Another ddcheck version made this PDF, so its pages could not be compared "
                    "with its data; only the text was checked."
                )
            )
            badges.addWidget(unchecked)
        signature = received.revision.signature
        if signature == "other_key":
            flag = label(tr("Signed with another key"), "badge-red")
            flag.setToolTip(
                tr(
                    "This version is signed with another key than earlier files from this "
                    "company: it may not come from them. Check with the company."
                )
            )
            badges.addWidget(flag)
            if received.is_latest and on_trust is not None:  # once checked with the company
                self.trust_button = QPushButton(tr("Accept this key…"), self)
                named(
                    self.trust_button,
                    tr("Accept this key"),
                    tr("Trust the key this version is signed with for this company from now on"),
                )
                self.trust_button.clicked.connect(lambda _checked=False: on_trust())
                badges.addWidget(self.trust_button)
        elif signature == "unsigned":
            flag = label(tr("Unsigned"), "badge-amber")
            flag.setToolTip(tr("This version carries no signature: its origin cannot be checked."))
            badges.addWidget(flag)
        assessed = len(session.review.items)
        badges.addWidget(
            label(tr_n("{n} item assessed", "{n} items assessed", assessed), "badge-muted")
        )
        badges.addStretch(1)

"""State and helpers every part of the workspace façade shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from ddcheck.domain.templates import Item, Template
from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.paths import DataPaths
from ddcheck.services.catalogs import CatalogLike
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import DossierTrashed, InvalidInput
from ddcheck.store import Store
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import history as history_rows
from ddcheck.store.database import transaction


class WorkspaceBase:
    """The open store, the templates, the clock and the user every operation needs."""

    def __init__(
        self,
        store: Store,
        paths: DataPaths,
        catalog: CatalogLike,
        templates: dict[str, Template],
        clock: Callable[[], dt.datetime],
        user: str,
    ) -> None:
        self._store = store
        self._paths = paths
        self._catalog = catalog
        self._templates = templates
        self._clock = clock
        self._user = user
        self._fingerprints: dict[tuple[str, int, str], str] = {}

    @property
    def catalog(self) -> CatalogLike:
        """Return the shipped catalog the workspace was opened with."""
        return self._catalog

    @property
    def templates(self) -> dict[str, Template]:
        """Return every template available: shipped, plus imported into this workspace."""
        return self._templates

    @property
    def paths(self) -> DataPaths:
        """Return where this workspace keeps its files."""
        return self._paths

    @property
    def user(self) -> str:
        """Return the name history rows are written under."""
        return self._user

    def _now(self) -> dt.datetime:
        now = self._clock()
        return now if now.tzinfo else now.replace(tzinfo=dt.UTC)

    def _transaction(self) -> Any:
        return transaction(self._store.conn)

    def batch(self) -> AbstractContextManager[Any]:
        """Return a context in which several changes are saved together, all or nothing."""
        return transaction(self._store.conn)

    def _template(self, template_id: str) -> Template:
        template = self._templates.get(template_id)
        if template is None:
            known = ", ".join(sorted(self._templates)) or Wording(
                catalog_entry("known templates", "none")
            )
            raise InvalidInput(
                catalog_entry("error", "There is no template '{template}' (known: {known})."),
                template=template_id,
                known=known,
            )
        return template

    def _item(self, template_id: str, item_id: str) -> tuple[Template, Item]:
        template = self._template(template_id)
        item = template.item(item_id)
        if item is None:
            raise InvalidInput(
                catalog_entry("error", "Template '{template}' has no item '{item}'."),
                template=template_id,
                item=item_id,
            )
        return template, item

    def _fingerprint(self, template: Template, item: Item) -> str:
        key = (template.id, template.version, item.id)
        found = self._fingerprints.get(key)
        if found is None:
            found = self._fingerprints[key] = template.item_fingerprint(item)
        return found

    def _check_writable(self, dossier_id: str) -> None:
        if dossier_rows.trashed_at(self._store.conn, dossier_id) is not None:
            raise DossierTrashed(
                catalog_entry(
                    "error", "This dossier is in the trash; restore it before changing it."
                )
            )

    def _commit_changes(
        self, dossier_id: str, changes: Iterable[Change], now: dt.datetime | None = None
    ) -> Changes:
        """Record changes in the history and mark the dossier updated (inside a transaction)."""
        result = Changes(dossier_id, tuple(changes))
        if result:
            now = now or self._now()
            history_rows.record(self._store.conn, dossier_id, now, self._user, result.as_history())
            dossier_rows.touch(self._store.conn, dossier_id, now)
            result = Changes(dossier_id, result.changes, now)
        return result

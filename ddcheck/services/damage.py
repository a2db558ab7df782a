"""A damaged workspace file set aside earlier: say so on every open until it is resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.paths import DataPaths, data_paths
from ddcheck.store import backups as backup_files
from ddcheck.store import damage
from ddcheck.store.keys import DataKey


@dataclass(frozen=True)
class PendingDamage:
    """A damaged workspace file nobody restored or dismissed yet, and the backup to go back to.

    `str()` is one plain English sentence; `text('nl')` the Dutch one. Resolve it with
    `Workspace.restore(data_dir)` (the newest good backup from before the damage) or dismiss it
    with `Workspace.dismiss_damage(data_dir)` (keep working in the new workspace).
    """

    damaged_file: Path
    found_at: dt.datetime
    backup: Path | None

    def text(self, lang: str = "en") -> str:
        """Return the sentence in `lang` ('nl' or 'en'), from the word catalog ("notice")."""
        offer = (
            Wording(
                catalog_entry("notice", "the newest good backup from before is {backup}"),
                backup=self.backup.name,
            )
            if self.backup
            else Wording(catalog_entry("notice", "there is no backup from before it"))
        )
        sentence = catalog_entry(
            "notice",
            "The workspace file was found damaged on {when} and set aside as {file}, so you are "
            "working in a new workspace; {offer}.",
        )
        when = f"{self.found_at.astimezone():%Y-%m-%d %H:%M}"
        return Wording(sentence, when=when, file=self.damaged_file, offer=offer).text(lang)

    def __str__(self) -> str:
        return self.text("en")


def pending_damage_at(paths: DataPaths, key: DataKey | None = None) -> PendingDamage | None:
    """Return the newest damaged file still waiting for a decision, or None."""
    found = damage.pending(paths.damaged)
    if not found:
        return None
    newest = found[0]
    backup = backup_files.newest_good_backup(paths.backups, before=newest.found_at, key=key)
    return PendingDamage(newest.path, newest.found_at, backup)


def pending_damage(
    data_dir: Path | str | None = None, key: DataKey | None = None
) -> PendingDamage | None:
    """Return the damaged workspace file of `data_dir` still waiting for a decision, or None."""
    return pending_damage_at(data_paths(data_dir), key)


def dismiss_damage(data_dir: Path | str | None = None) -> list[Path]:
    """Keep the new workspace: move the damaged files to `damaged/resolved/`; return them."""
    return damage.resolve(data_paths(data_dir).damaged)

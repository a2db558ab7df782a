"""Accepting the adviser's new signing key on the company's side, after checking with them.

Review files are pinned per dossier to the adviser who signed the first one, mission packs per
mission id to the workspace that signed the first pack. When the adviser moves to a new laptop,
their files carry a new key and are flagged; `trust_sender_key` pins that key once the user has
checked it with the adviser (by phone or in person, never through the e-mail that brought it).
Only a key seen on a flagged file can be accepted: its certificate was kept then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, cast

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Change
from ddcheck.services.errors import InvalidInput, NotFound
from ddcheck.services.signing import SigningOps
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import missions as mission_rows
from ddcheck.store import signing as signing_rows

SenderKind = Literal["adviser", "mission"]
SENDER_KINDS: tuple[SenderKind, ...] = ("adviser", "mission")
_HEX = re.compile(r"[0-9a-f]{16,64}")


@dataclass(frozen=True)
class SenderKeyTrusted:
    """What accepting a sender's new key did."""

    kind: SenderKind  # adviser: the reviews of a dossier; mission: the packs of a mission
    subject: str  # the dossier id or the mission id
    key_id: str  # the key now pinned
    name: str  # the name in its certificate
    replaced: str | None  # the key id pinned before (None: none was)

    @property
    def changed(self) -> bool:
        """Return whether the pinned key changed (False: it already was this one)."""
        return self.replaced != self.key_id


def key_digits(text: str) -> str:
    """Return the hex digits of a key id as typed or read aloud ("2C79 AFE9 …"), lower case."""
    return "".join(text.split()).lower()


class SenderKeyOps(SigningOps):
    """Pin the key the adviser signs reviews or mission packs with now."""

    def trust_sender_key(self, kind: str, subject: str, key: str) -> SenderKeyTrusted:
        """Pin `key` (its short id or full id) for the reviews of a dossier or a mission's packs.

        `key` must be one a flagged file was signed with. For a dossier the change is recorded
        in its history. Raise InvalidInput for an unknown kind or key, NotFound for an unknown
        dossier or mission.
        """
        from ddcheck.exchange.signing import short_id

        if kind not in SENDER_KINDS:
            raise InvalidInput(
                catalog_entry(
                    "error", "Choose whose key: the adviser's reviews or a mission's packs."
                )
            )
        digits = key_digits(key)
        if not _HEX.fullmatch(digits):
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "Give the key as ddcheck showed it: at least 16 hex digits (spaces are "
                    "ignored).",
                )
            )
        conn = self._store.conn
        with self._transaction():
            if kind == "adviser" and not dossier_rows.exists(conn, subject):
                raise NotFound(
                    catalog_entry("error", "There is no dossier {dossier}."), dossier=subject
                )
            if kind == "mission":
                mission_rows.get_mission(conn, subject)  # NotFound when there is none
            offered = signing_rows.offered_starting_with(conn, digits)
            if len(offered) != 1:
                raise InvalidInput(
                    catalog_entry(
                        "error",
                        "No file signed with key {key} was flagged here, so there is nothing to "
                        "accept; import the flagged file first.",
                    ),
                    key=short_id(digits),
                )
            new = offered[0]
            found = signing_rows.pinned(conn, kind, subject)
            replaced = found.key_id if found is not None else None
            result = SenderKeyTrusted(
                cast(SenderKind, kind), subject, new.key_id, new.name, replaced
            )
            if result.changed:
                signing_rows.repin(
                    conn,
                    signing_rows.PinnedKey(
                        kind, subject, new.key_id, new.name, new.certificate, self._now()
                    ),
                )
                if kind == "adviser":
                    was = short_id(replaced) if replaced else None
                    change = Change("signature", short_id(new.key_id), "key_trusted", was, new.name)
                    self._commit_changes(subject, [change])
        return result

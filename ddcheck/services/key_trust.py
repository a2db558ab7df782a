"""Accepting a company's new signing key after checking with the company (`received trust`)."""

from __future__ import annotations

from dataclasses import dataclass

from ddcheck.domain.received import mission_key
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import InvalidInput
from ddcheck.services.received import ReceivedOps, _parse, _senders
from ddcheck.store import received as received_rows
from ddcheck.store import signing as signing_rows


@dataclass(frozen=True)
class KeyTrusted:
    """What accepting the newest revision's key did."""

    received_id: str
    company: str
    key_id: str  # the key now pinned for the company
    name: str  # the name in its certificate ("" when it was not kept)
    replaced: tuple[str, ...] = ()  # the key ids pinned before (dossier id, KvK number)
    unflagged: int = 0  # revisions no longer flagged "signed with another key"

    @property
    def changed(self) -> bool:
        """Return whether anything changed (False: the key was already the pinned one)."""
        return bool(self.replaced or self.unflagged)


class KeyTrustOps(ReceivedOps):
    """Pin the key a company signs with now, once the adviser has checked it with the company."""

    def trust_key(self, received_id: str) -> KeyTrusted:
        """Pin the key of the newest revision for its company (dossier id and KvK number).

        Revisions signed with that key are no longer flagged; the change is recorded in the
        received dossier's history. Raise InvalidInput when the newest revision is unsigned.
        """
        from ddcheck.exchange.signing import short_id

        conn = self._store.conn
        with self._transaction():
            row = received_rows.get_received(conn, received_id)
            newest = received_rows.revisions(conn, received_id)[-1]
            if not newest.signer:
                raise InvalidInput(
                    catalog_entry(
                        "error",
                        "The newest version of this received dossier is not signed, so there is "
                        "no key to trust.",
                    )
                )
            dossier = _parse(newest.document)[0]
            pins = [(k, s, signing_rows.pinned(conn, k, s)) for k, s in _senders(dossier)]
            before = {p.key_id for _, _, p in pins if p is not None}
            replaced = tuple(sorted(before - {newest.signer}))
            offered = signing_rows.pinned(conn, signing_rows.OFFERED, newest.signer)
            name = offered.name if offered is not None else ""
            certificate = offered.certificate if offered is not None else b""
            now = self._now()
            for kind, subject, found in pins:
                if found is None or found.key_id != newest.signer:
                    key = signing_rows.PinnedKey(
                        kind, subject, newest.signer, name, certificate, now
                    )
                    signing_rows.repin(conn, key)
            unflagged = received_rows.mark_signed(conn, received_id, newest.signer)
            result = KeyTrusted(received_id, row.company, newest.signer, name, replaced, unflagged)
            if result.changed:  # the flagged file did not rename the company; now it does
                received_rows.update_names(
                    conn,
                    received_id,
                    dossier.company.name,
                    dossier.mission.name,
                    mission_key(dossier.mission.name),
                )
                was = ", ".join(short_id(k) for k in replaced) or None
                change = Change("signature", short_id(newest.signer), "key_trusted", was, name)
                self._log_received(Changes(received_id, (change,)), now)
        return result

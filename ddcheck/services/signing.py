"""The workspace's signing key (made on first need) and pinning the keys of senders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.received_model import Notice
from ddcheck.store import signing as signing_rows

if TYPE_CHECKING:
    from ddcheck.exchange.signing import Signer, SigningKey

__all__ = ["OTHER_KEY", "SIGNED", "UNSIGNED", "SigningOps"]

SIGNED, OTHER_KEY, UNSIGNED = "signed", "other_key", "unsigned"
# what a pinned sender is, in the warning's words
_WHO = {
    "dossier": catalog_entry("notice", "this company's dossier"),
    "kvk": catalog_entry("notice", "this KvK number"),
    "adviser": catalog_entry("notice", "the adviser's earlier reviews"),
    "mission": catalog_entry("notice", "earlier packs of this mission"),
}
_ANY_SENDER = catalog_entry("notice", "this sender")


class SigningOps(WorkspaceBase):
    """Sign what leaves the workspace; check who signed what comes in against pinned keys."""

    _signing_key: SigningKey | None = None

    def signing_key(self, name: str = "") -> SigningKey:
        """Return the workspace's key, making it (with a self-issued certificate) on first need.

        `name` (the company or organisation) goes into the new certificate; the key is kept in
        the workspace database, encrypted with it when the workspace is encrypted.
        """
        from ddcheck.exchange.signing import SigningKey

        if self._signing_key is None:
            with self._transaction():
                found = signing_rows.load_key(self._store.conn)
                if found is None:
                    made = SigningKey.create(name or self._user or "ddcheck", self._now())
                    signing_rows.save_key(
                        self._store.conn, made.private_key, made.certificate, self._now()
                    )
                    found = (made.private_key, made.certificate)
            self._signing_key = SigningKey(*found)
        return self._signing_key

    def own_signer(self) -> Signer | None:
        """Return who this workspace signs as (None before it signed anything)."""
        from ddcheck.exchange.signing import signer_of

        found = signing_rows.load_key(self._store.conn)
        return None if found is None else signer_of(found[1])

    def _check_sender(
        self, subjects: list[tuple[str, str]], signer: Signer | None
    ) -> tuple[str, tuple[Notice, ...]]:
        """Return the signature status of a received file and what to tell the user.

        Inside the caller's transaction: the first signed file from a sender pins its key (per
        subject: dossier id, KvK number, adviser); a later file signed with another key is
        `other_key`, an unsigned one is `unsigned`. Pins are never replaced here.
        """
        from ddcheck.exchange.signing import short_id

        conn = self._store.conn
        pins = [
            (kind, subject, signing_rows.pinned(conn, kind, subject)) for kind, subject in subjects
        ]
        known = [p for _, _, p in pins if p is not None]
        if signer is None:
            if not known:
                return UNSIGNED, (
                    Notice(
                        catalog_entry(
                            "notice",
                            "It is not signed (an older ddcheck made it): where it comes from "
                            "cannot be checked.",
                        )
                    ),
                )
            return UNSIGNED, (
                Notice(
                    catalog_entry(
                        "notice",
                        "WARNING: it is not signed, while earlier files from this sender were "
                        "signed; ask the sender whether it is really theirs.",
                    )
                ),
            )
        other = [p for p in known if p.key_id != signer.key_id]
        if other:  # keep the certificate: the user may accept the key later (`trust_key`)
            signing_rows.offer(
                conn,
                signing_rows.PinnedKey(
                    "", "", signer.key_id, signer.name, signer.certificate, self._now()
                ),
            )
            return OTHER_KEY, (
                Notice(
                    catalog_entry(
                        "notice",
                        "WARNING: it is signed with another key ({key}) than {who} ({pinned}); "
                        "it may not come from them: check with the sender before relying on it.",
                    ),
                    key=short_id(signer.key_id),
                    who=Wording(_WHO.get(other[0].kind, _ANY_SENDER)),
                    pinned=short_id(other[0].key_id),
                ),
            )

        now = self._now()
        for kind, subject, found in pins:
            if found is None:
                signing_rows.pin(
                    conn,
                    signing_rows.PinnedKey(
                        kind, subject, signer.key_id, signer.name, signer.certificate, now
                    ),
                )
        return SIGNED, ()

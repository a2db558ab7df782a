"""The line an import prints under a file signed with the adviser's new key: how to accept it."""

from __future__ import annotations

from ddcheck.exchange.signing import short_id


def trust_hint(kind: str, subject: str, key_id: str) -> str:
    """Return the command that accepts `key_id`, to print under a 'signed with another key' line."""
    option = "--dossier" if kind == "adviser" else "--mission"
    return (
        f"  once you checked the new key with the adviser (by phone or in person): "
        f"ddcheck trust-key {option} {subject} '{short_id(key_id)}'"
    )

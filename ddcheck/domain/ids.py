"""New ids for dossiers, answers' evidence, actions and reviews: one format everywhere."""

from __future__ import annotations

import secrets


def new_id() -> str:
    """Return a new random id (16 hex digits)."""
    return secrets.token_hex(8)

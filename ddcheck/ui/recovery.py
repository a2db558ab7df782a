"""The choices a damaged workspace offers (Qt-free, shared by the prompts and the dialog)."""

from __future__ import annotations

RESTORE, START_EMPTY, QUIT = "restore", "start_empty", "quit"

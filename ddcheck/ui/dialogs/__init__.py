"""Dialogs; each exposes its result as a plain object so tests need not call exec()."""

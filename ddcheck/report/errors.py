"""Errors of the report layer that callers catch without importing reportlab."""


class ExportCancelled(Exception):
    """The user cancelled an export; nothing was written."""

"""The error a command raises for bad input: one line in the catalog's words, exit code 2."""

from __future__ import annotations

from ddcheck.domain.vocabulary import Entry, Translatable, Wording, catalog_entry


class UserError(Exception):
    """A mistake in what the user asked for, said in the user's language as one plain line.

    It carries a catalog sentence (a Wording) or an error that says itself (`text(lang)`), never a
    plain string: `str()` is the English, `text(lang)` any language.
    """

    def __init__(self, message: Translatable) -> None:
        super().__init__(str(message))
        self.message = message

    def text(self, lang: str) -> str:
        """Return the message in `lang` ('nl' or 'en')."""
        return self.message.text(lang)


def said(entry: Entry, /, **fields: object) -> UserError:
    """Return the UserError that says a catalog entry (context "cli") with its fields."""
    return UserError(Wording(entry, **fields))


def cannot_write(path: object, error: OSError) -> UserError:
    """Return the UserError for an output file the system would not let ddcheck write."""
    return said(
        catalog_entry("cli", "cannot write {path}: {reason}"),
        path=path,
        reason=error.strerror or error,
    )


BLOCKED = catalog_entry(
    "cli", "{count} blocker(s) stop the export for the adviser; fix them or add --force"
)

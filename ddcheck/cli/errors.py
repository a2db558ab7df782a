"""The error a command raises for bad input: printed as one line, exit code 2."""


class UserError(Exception):
    """A mistake in what the user asked for; its message is shown as one plain line."""

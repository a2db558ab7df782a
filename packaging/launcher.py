"""Entry script of the frozen bundle: the same `main()` as the `ddcheck` console script."""

import sys
import traceback


def _die_on_uncaught(exc_type, exc, tb) -> None:
    """Print an uncaught exception and end the process (a frozen Qt app would hang instead)."""
    if sys.stderr is not None:
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        sys.stderr.flush()
    import os

    os._exit(70)  # EX_SOFTWARE; the app's own hook, once installed, replaces this one


if __name__ == "__main__":
    sys.excepthook = _die_on_uncaught
    from ddcheck.cli.main import main

    sys.exit(main())

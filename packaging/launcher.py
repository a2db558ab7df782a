"""Entry script of the frozen bundle: the same `main()` as the `ddcheck` console script."""

import sys


def _report_to_file(exc_type, exc, tb) -> None:
    """Keep the traceback of a crash before the app's own hook is in place (no console)."""
    import tempfile
    import traceback
    from pathlib import Path

    log = Path(tempfile.gettempdir()) / "ddcheck-crash.log"
    with log.open("a", encoding="utf-8") as out:
        traceback.print_exception(exc_type, exc, tb, file=out)


if __name__ == "__main__":
    if sys.stderr is None:  # the windowed Windows/macOS executable has no console to print to
        sys.excepthook = _report_to_file
    from ddcheck.cli.main import main

    sys.exit(main())

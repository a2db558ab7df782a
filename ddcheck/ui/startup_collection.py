"""Python's cycle collector waits while the app starts: start-up only builds, it frees nothing.

Start-up allocates hundreds of thousands of objects (modules, classes, pydantic schemas, widgets)
and none of them is garbage, yet every allocation burst makes the collector walk them all again:
about 30 ms of a 500 ms start. The collector is paused until the window is usable, then resumed.
"""

from __future__ import annotations

import gc


class StartupCollection:
    """Pause the cycle collector for start-up and resume it once (when ready, or on the way out)."""

    def __init__(self) -> None:
        self._paused = False

    def pause(self) -> None:
        """Stop automatic collection, unless someone else already stopped it."""
        if gc.isenabled():
            gc.disable()
            self._paused = True

    def resume(self) -> None:
        """Restart automatic collection if `pause` stopped it; later calls do nothing."""
        if self._paused:
            self._paused = False
            gc.enable()

"""Open evidence files (own or received) safely: a sanitised name in one private temporary
folder, a warning before anything that could run as a program, and the copies removed at exit."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ddcheck.ui.i18n import tr

# Extensions a desktop may run, install or interpret when a file is "opened".
RISKY_SUFFIXES = frozenset(
    {
        "app", "apk", "appimage", "application", "bat", "cmd", "com", "command", "cpl",
        "csh", "deb", "desktop", "dll", "dmg", "exe", "gadget", "hta", "inf", "ins", "isp",
        "jar", "js", "jse", "ksh", "lnk", "msc", "msi", "msp", "pif", "pkg", "ps1", "ps1xml",
        "ps2", "psc1", "py", "pyw", "reg", "rpm", "run", "scf", "scr", "sct", "sh", "shb",
        "url", "vb", "vbe", "vbs", "webloc", "ws", "wsc", "wsf", "wsh", "xbap", "zsh",
        "docm", "xlsm", "pptm", "iso", "img", "svg", "html", "htm", "mht", "xhtml",
    }
)  # fmt: skip
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))}
_RESERVED |= {f"LPT{n}" for n in range(1, 10)}
MAX_NAME = 120


def sanitised_name(name: str) -> str:
    """Return a harmless file name: no folders, controls, bidi or invisible characters."""
    text = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    kept = "".join(
        "_" if ch in _FORBIDDEN else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")
    )
    kept = " ".join(kept.split()).strip(" .")
    stem, dot, suffix = kept.rpartition(".")
    if not dot:
        stem, suffix = kept, ""
    suffix = suffix[:16]
    stem = stem[: MAX_NAME - len(suffix) - 1].strip(" .") or "evidence"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return f"{stem}.{suffix}" if suffix else stem


def is_risky(name: str) -> bool:
    """Return whether a file of this name could run as a program when opened."""
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    return suffix in RISKY_SUFFIXES or not suffix


class EvidenceOpener:
    """Keeps opened copies in one private folder (mode 700) and removes it on `cleanup()`."""

    def __init__(self, open_path: Callable[[Path], None], base: Path | None = None) -> None:
        self._open_path = open_path
        self._base = base
        self._folder: Path | None = None

    @property
    def folder(self) -> Path | None:
        """Return the private folder, once a file was opened."""
        return self._folder

    def open(self, name: str, data: bytes, confirm: Callable[[str], bool]) -> Path | None:
        """Write `data` under a sanitised `name` and open it; None when the user declined."""
        safe = sanitised_name(name)
        if is_risky(safe) and not confirm(
            tr(
                "“{name}” may be a program or a launcher (it ends in “{suffix}”). Opening it "
                "could run it on this computer. Open it only if you trust the sender. Open anyway?",
                name=safe,
                suffix=("." + safe.rpartition(".")[2]) if "." in safe else tr("no extension"),
            )
        ):
            return None
        if self._folder is None or not self._folder.is_dir():
            self._folder = Path(tempfile.mkdtemp(prefix="ddcheck-open-", dir=self._base))
        own = Path(tempfile.mkdtemp(dir=self._folder))  # one folder per copy: names never clash
        target = own / safe
        fd = os.open(
            target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        self._open_path(target)
        return target

    def cleanup(self) -> None:
        """Remove every copy made (at exit; a program may still hold one open, which is fine)."""
        if self._folder is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

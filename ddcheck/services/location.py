"""Where a folder lives: on a network or cloud-synced drive, or inside another folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

from ddcheck.domain.vocabulary import Wording, catalog_entry

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afs",
        "ncpfs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "webdav",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.davfs2",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.onedriver",
        "fuse.google-drive-ocamlfuse",
    }
)
SYNCED_FOLDER_NAMES = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync")
SYNCED_PATH_PARTS = ("mobile documents", "clouddocs", "cloudstorage")


def _unescape(field: str) -> str:
    """Return a /proc/mounts field with its octal escapes (\\040 for a space) decoded."""
    return field.encode("latin-1").decode("unicode_escape")


def mount_type(path: Path, mounts: str) -> str | None:
    """Return the file-system type of the mount holding `path`, from /proc/mounts text."""
    target = str(path)
    best, fs_type = "", None
    for row in mounts.splitlines():
        fields = row.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fs_type = point, fields[2]
    return fs_type


NETWORK_PATH = catalog_entry("location", "it is a network path")


def network_reason(
    path: Path, *, mounts: str | None = None, platform: str | None = None
) -> Wording | None:
    """Return why `path` looks like a network or cloud-synced folder (in words), or None."""
    platform = platform or sys.platform
    if str(path).startswith(("\\\\", "//")):
        return Wording(NETWORK_PATH)
    resolved = _resolved(path)
    text = str(resolved)
    if text.startswith(("\\\\", "//")):
        return Wording(NETWORK_PATH)
    lowered = [part.casefold() for part in PurePath(text).parts]
    for part in lowered:
        if part.startswith(SYNCED_FOLDER_NAMES) or part in SYNCED_PATH_PARTS:
            return Wording(catalog_entry("location", "it is in a cloud-synced folder"))
    if platform.startswith("linux"):
        if mounts is None:
            try:
                mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
        fs_type = mount_type(resolved, mounts)
        if fs_type is not None and fs_type.casefold() in NETWORK_FS_TYPES:
            return Wording(
                catalog_entry("location", "it is on a network file system ({kind})"), kind=fs_type
            )
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:
        return Path(os.path.abspath(path.expanduser()))


def overlaps(first: Path, second: Path) -> bool:
    """Return whether one folder is the other or lies inside it."""
    a, b = _resolved(first), _resolved(second)
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)

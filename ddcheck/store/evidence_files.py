"""Evidence contents as content-addressed files, shared by the workspace and all its backups.

Each distinct content is one file under `evidence/`, named by its SHA-256 (in an encrypted
workspace by a keyed hash of it, so the names do not reveal which known file is there) and, in
an encrypted workspace, encrypted with AES-256-GCM under a key derived from the data key. The
database keeps only the checksum and size, so a backup of the database is small and a file is
stored once however many backups refer to it. A file is deleted only when neither the
workspace nor any backup refers to it any more (`collect`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store.errors import NotFound
from ddcheck.store.keys import DataKey

MAGIC = b"DDCEV1\n"
_NONCE = 12
_SHA = 32
GRACE = dt.timedelta(hours=1)  # a file younger than this may belong to a write not yet committed


class EvidenceDamaged(NotFound):
    """An evidence file that cannot be decrypted or does not match its checksum."""


def _aead(key: DataKey):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key.derive("evidence-files"))


@dataclass(frozen=True)
class EvidenceFiles:
    """The evidence folder of one workspace, with the data key when it is encrypted."""

    folder: Path
    key: DataKey | None = None

    def name(self, sha256: str) -> str:
        """Return the file name for contents with this SHA-256 (hex)."""
        if self.key is None:
            return sha256
        return hmac.new(self.key.derive("evidence-names"), sha256.encode(), "sha256").hexdigest()

    def path(self, sha256: str) -> Path:
        """Return where contents with this SHA-256 are (or would be) stored."""
        name = self.name(sha256)
        return self.folder / name[:2] / name

    def has(self, sha256: str) -> bool:
        """Return whether the contents are stored."""
        return self.path(sha256).is_file()

    def put(self, sha256: str, data: bytes) -> None:
        """Store contents once (written beside and renamed, so never half a file)."""
        target = self.path(sha256)
        if target.is_file():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, _seal(self.key, sha256, data))

    def get(self, sha256: str) -> bytes:
        """Return the stored contents; raise NotFound when missing, EvidenceDamaged when broken."""
        try:
            stored = self.path(sha256).read_bytes()
        except FileNotFoundError as error:
            raise NotFound(
                catalog_entry("error", "The contents of evidence file {file} are missing."),
                file=sha256[:12],
            ) from error
        found_sha, data = _open(self.key, stored)
        if found_sha not in (None, sha256) or hashlib.sha256(data).hexdigest() != sha256:
            raise EvidenceDamaged(
                catalog_entry(
                    "error",
                    "The stored copy of evidence file {file} is damaged (checksum differs).",
                ),
                file=sha256[:12],
            )
        return data

    def remove(self, sha256: str) -> None:
        """Delete the stored contents (nothing if they are not there)."""
        self.path(sha256).unlink(missing_ok=True)

    def collect(self, referenced: Iterable[str], now: dt.datetime) -> list[Path]:
        """Delete files no workspace or backup refers to (older than GRACE); return them."""
        keep = {self.name(sha) for sha in referenced}
        removed = []
        for path in _files(self.folder):
            if path.name in keep:
                continue
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
            if now - modified > GRACE:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed

    def total_size(self) -> int:
        """Return the bytes the evidence folder takes."""
        return sum(path.stat().st_size for path in _files(self.folder))


def _files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for sub in folder.iterdir():
        if sub.is_dir():
            yield from (p for p in sub.iterdir() if p.is_file() and not p.name.endswith(".part"))


def _write(target: Path, payload: bytes) -> None:
    partial = target.with_name(f"{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    with partial.open("wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)


def _seal(key: DataKey | None, sha256: str, data: bytes) -> bytes:
    if key is None:
        return data
    nonce = secrets.token_bytes(_NONCE)
    return MAGIC + nonce + _aead(key).encrypt(nonce, bytes.fromhex(sha256) + data, MAGIC)


def _open(key: DataKey | None, stored: bytes) -> tuple[str | None, bytes]:
    """Return (SHA-256 recorded inside, contents); the SHA is None for a plain file."""
    if key is None:
        return None, stored
    from cryptography.exceptions import InvalidTag

    if not stored.startswith(MAGIC):
        raise EvidenceDamaged(
            catalog_entry("error", "An evidence file is not encrypted as expected.")
        )
    body = stored[len(MAGIC) :]
    try:
        plain = _aead(key).decrypt(body[:_NONCE], body[_NONCE:], MAGIC)
    except InvalidTag as error:
        raise EvidenceDamaged(
            catalog_entry("error", "An evidence file is damaged (it fails its authentication).")
        ) from error
    return plain[:_SHA].hex(), plain[_SHA:]


def convert_folder(folder: Path, *, old: DataKey | None, new: DataKey | None) -> int:
    """Re-store every evidence file from key `old` to key `new` (None: plain); return how many.

    Each file is written under its new name before the old one is removed, so an interrupted
    conversion loses nothing and running it again finishes it.
    """
    target = EvidenceFiles(folder, new)
    done = 0
    for path in list(_files(folder)):
        stored = path.read_bytes()
        if (old is not None) != stored.startswith(MAGIC):
            continue  # already converted
        sha, data = _open(old, stored)
        sha = sha or hashlib.sha256(data).hexdigest()
        if old is None and path.name != sha:
            continue  # not an evidence file of ours
        target.put(sha, data)
        if target.path(sha) != path:
            path.unlink()
        done += 1
    return done

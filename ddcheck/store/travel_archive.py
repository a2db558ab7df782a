"""The travel archive: named records, encrypted in chunks with AES-256-GCM under the data key.

Layout: MAGIC, an 8-byte random archive nonce, then chunks of [4-byte length][ciphertext+tag].
Chunk n is sealed with nonce = archive nonce + n (4 bytes) and the associated data says whether
it is the last chunk, so a cut-off, reordered or altered archive is refused as a whole. Inside,
the plain stream is a sequence of records: [4-byte name length][name][8-byte size][bytes].
"""

from __future__ import annotations

import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ddcheck.store.keys import DataKey

MAGIC = b"DDCTRAVEL1\n"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The file is not a travel archive of this workspace, or it is damaged or cut off."""


def _aead(key: DataKey):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key.derive("travel-archive"))


class ArchiveWriter:
    """Write records into an encrypted archive file (written beside it, renamed when closed)."""

    def __init__(self, path: Path, key: DataKey) -> None:
        self._path = path
        self._partial = path.with_name(f".{path.name}-{os.getpid()}.part")
        self._aead = _aead(key)
        self._prefix = secrets.token_bytes(8)
        self._handle: BinaryIO = self._partial.open("wb")
        self._handle.write(MAGIC + self._prefix)
        self._buffer = bytearray()
        self._count = 0

    def add(self, name: str, data: bytes) -> None:
        """Append one named record."""
        encoded = name.encode("utf-8")
        self._buffer += struct.pack(">I", len(encoded)) + encoded + struct.pack(">Q", len(data))
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def _seal(self, plain: bytes, *, last: bool) -> None:
        nonce = self._prefix + struct.pack(">I", self._count)
        sealed = self._aead.encrypt(nonce, plain, b"last" if last else b"more")
        self._handle.write(struct.pack(">I", len(sealed)) + sealed)
        self._count += 1

    def close(self) -> None:
        """Seal the last chunk and put the archive in place."""
        self._seal(bytes(self._buffer), last=True)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self._partial, self._path)

    def abort(self) -> None:
        """Drop the unfinished archive."""
        self._handle.close()
        self._partial.unlink(missing_ok=True)


def _chunks(handle: BinaryIO, key: DataKey) -> Iterator[bytes]:
    from cryptography.exceptions import InvalidTag

    if handle.read(len(MAGIC)) != MAGIC:
        raise ArchiveError("not a ddcheck travel archive")
    prefix = handle.read(8)
    aead, count = _aead(key), 0
    while True:
        head = handle.read(4)
        if len(head) < 4:
            raise ArchiveError("the archive is cut off")
        (size,) = struct.unpack(">I", head)
        sealed = handle.read(size)
        nonce = prefix + struct.pack(">I", count)
        for flag in (b"more", b"last"):
            try:
                plain = aead.decrypt(nonce, sealed, flag)
                break
            except InvalidTag:
                continue
        else:
            raise ArchiveError("the archive was made for another workspace, or it is damaged")
        yield plain
        count += 1
        if flag == b"last":
            return


class _Stream:
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buffer = chunks, bytearray()

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                break
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data


def read_archive(path: Path, key: DataKey) -> Iterator[tuple[str, bytes]]:
    """Yield the (name, bytes) records of an archive; raise ArchiveError when it cannot be used."""
    with path.open("rb") as handle:
        stream = _Stream(_chunks(handle, key))
        while True:
            head = stream.read(4)
            if not head:
                return
            (length,) = struct.unpack(">I", head)
            name = stream.read(length).decode("utf-8")
            (size,) = struct.unpack(">Q", stream.read(8))
            data = stream.read(size)
            if len(data) != size:
                raise ArchiveError("the archive is cut off")
            yield name, data

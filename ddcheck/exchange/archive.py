"""Safe zip archives with a hashed manifest: what `.ddcheck` bundles and `.ddmission` packs share.

Reading never extracts to disk and trusts nothing in the archive: names (against the kind's own
rule), types (links, special files), encryption, compression, counts, declared and actual sizes,
compression ratios (bombs), and every entry's size and SHA-256 against the manifest are checked
before anything is returned. Every refusal is one line of the kind's own error class.

Signatures: written with a workspace key, `manifest.sig` holds a detached signature (with the
certificate) over the exact manifest bytes; since the manifest holds every entry's SHA-256, it
covers the whole archive. `read_archive` checks it right after reading the manifest, before any
entry is trusted, and returns who signed (`Archive.signer`, None for an unsigned archive).
"""

from __future__ import annotations

import hashlib
import io
import json
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddcheck.exchange.border import BorderError, load_json
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.signing import (
    MAX_SIGNATURE_BYTES,
    SignatureError,
    Signer,
    SigningKey,
    sign_archive,
    verify_archive,
)

MANIFEST = "manifest.json"
MANIFEST_SIGNATURE = "manifest.sig"
_CHUNK = 64 * 1024
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
# What zipfile and zlib raise on damaged archives (several found by fuzzing, see the tests).
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    struct.error,
    KeyError,
    IndexError,
    UnicodeDecodeError,
)


@dataclass(frozen=True)
class Kind:
    """One kind of archive: its name in messages, error class, manifest format and limits."""

    what: str  # "bundle", "mission pack"
    error: type[ExchangeError]
    format: str
    format_version: int
    allowed_name: Callable[[str], bool]
    max_entries: int = 2_000
    max_entry_bytes: int = 32 * 1024 * 1024
    max_total_bytes: int = 512 * 1024 * 1024
    max_manifest_bytes: int = 4 * 1024 * 1024
    max_ratio: int = 200  # uncompressed / compressed: more looks like a zip bomb
    verify: Callable[[bytes, dict[str, bytes]], None] | None = None  # a signature check

    def fail(self, message: str) -> ExchangeError:
        """Return this kind's error with `message`."""
        return self.error(message)


@dataclass(frozen=True)
class Archive:
    """A checked archive: its manifest and the contents of every listed entry, by path."""

    manifest: dict[str, Any]
    contents: dict[str, bytes]
    signer: Signer | None = None  # who signed the manifest; None when unsigned


def write_archive(
    kind: Kind, entries: list[tuple[str, bytes]], key: SigningKey | None = None, **fields: Any
) -> bytes:
    """Return the zip of `entries` with a manifest of their sizes and hashes (and `fields`).

    With `key`, the manifest is signed (`manifest.sig`, written right after the manifest).
    """
    manifest = {
        "format": kind.format,
        "format_version": kind.format_version,
        **fields,
        "entries": [
            {"path": name, "size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()}
            for name, blob in entries
        ],
    }
    raw = json_bytes(manifest)
    head = [(MANIFEST, raw)]
    if key is not None:
        head.append((MANIFEST_SIGNATURE, sign_archive(raw, key)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, blob in [*head, *entries]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, blob)
    return buffer.getvalue()


def json_bytes(document: dict[str, Any]) -> bytes:
    """Return a JSON document as stable UTF-8 bytes."""
    return json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")


Check = Callable[[dict[str, Any]], None]


def read_archive(
    path: Path | str,
    kind: Kind,
    check_manifest: Check | None = None,
    check_listed: Check | None = None,
) -> Archive:
    """Return the checked archive at `path`; raise `kind.error` (one line) on any problem.

    `check_manifest` sees the manifest as soon as its entries are well-formed; `check_listed`
    once the archive holds exactly the listed entries; both before any entry is read.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as error:
        raise kind.fail(f"the file cannot be read ({error.strerror})") from error
    except (*DAMAGED, zipfile.LargeZipFile) as error:
        raise kind.fail(
            f"the file is not a ddcheck {kind.what} (not a readable zip archive)"
        ) from error
    with archive:
        try:
            return _read(archive, kind, check_manifest, check_listed)
        except kind.error:
            raise
        except DAMAGED as error:
            reason = " ".join(str(error).split())[:120]
            raise kind.fail(f"the {kind.what} is damaged ({reason})") from error


def _read(
    archive: zipfile.ZipFile,
    kind: Kind,
    check_manifest: Check | None,
    check_listed: Check | None,
) -> Archive:
    infos = archive.infolist()
    check_entries(infos, kind)
    by_name = {info.filename: info for info in infos}
    if MANIFEST not in by_name:
        raise kind.fail(f"the {kind.what} has no manifest")
    raw = read_entry(archive, by_name[MANIFEST], kind.max_manifest_bytes, kind)
    manifest = _manifest(raw, kind)
    signer = None
    if MANIFEST_SIGNATURE in by_name:
        signature = read_entry(archive, by_name[MANIFEST_SIGNATURE], MAX_SIGNATURE_BYTES, kind)
        try:
            signer = verify_archive(raw, signature)
        except SignatureError as error:
            raise kind.fail(f"{str(error).rstrip('.')} (the manifest's signature fails)") from error
    if check_manifest is not None:
        check_manifest(manifest)
    listed = {entry["path"]: entry for entry in manifest["entries"]}
    if MANIFEST_SIGNATURE in listed:
        raise kind.fail(f"the {kind.what}'s manifest lists its own signature")
    extra = set(by_name) - set(listed) - {MANIFEST, MANIFEST_SIGNATURE}
    if extra:
        raise kind.fail(f"the {kind.what} holds a file its manifest does not list: {min(extra)}")
    missing = set(listed) - set(by_name)
    if missing:
        raise kind.fail(f"the {kind.what} lacks a file its manifest lists: {min(missing)}")
    if check_listed is not None:
        check_listed(manifest)
    contents: dict[str, bytes] = {}
    total = 0
    for name, entry in listed.items():
        info = by_name[name]
        if info.file_size != entry["size"]:
            raise kind.fail(f"the size of {name} differs from the manifest")
        blob = read_entry(archive, info, min(entry["size"], kind.max_entry_bytes), kind)
        total += len(blob)
        if total > kind.max_total_bytes:
            raise kind.fail(f"the {kind.what} unpacks to more than ddcheck accepts")
        if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
            raise kind.fail(f"the contents of {name} do not match the manifest's SHA-256")
        contents[name] = blob
    if kind.verify is not None:
        kind.verify(raw, contents)
    return Archive(manifest, contents, signer)


def check_entries(infos: list[zipfile.ZipInfo], kind: Kind) -> None:
    """Refuse unexpected names, links, encryption, odd compression, sizes and bombs."""
    if len(infos) > kind.max_entries:
        raise kind.fail(f"the {kind.what} has more than {kind.max_entries} entries")
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise kind.fail(f"the {kind.what} holds {name} twice")
        seen.add(name)
        if name not in (MANIFEST, MANIFEST_SIGNATURE) and not kind.allowed_name(name):
            raise kind.fail(f"the {kind.what} holds an unexpected path: {name[:80]!r}")
        file_type = stat.S_IFMT(info.external_attr >> 16)
        if file_type and file_type != stat.S_IFREG:
            raise kind.fail(f"{name} in the {kind.what} is a link or special file, not a file")
        if info.flag_bits & 0x1:
            raise kind.fail(f"{name} in the {kind.what} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise kind.fail(f"{name} in the {kind.what} uses an unsupported compression")
        if info.file_size > kind.max_entry_bytes:
            raise kind.fail(f"{name} in the {kind.what} is larger than ddcheck accepts")
        if info.file_size > kind.max_ratio * max(info.compress_size, 1024):
            raise kind.fail(
                f"{name} in the {kind.what} is compressed suspiciously well (zip bomb?)"
            )
        declared += info.file_size
    if declared > kind.max_total_bytes:
        raise kind.fail(f"the {kind.what} unpacks to more than ddcheck accepts")


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, kind: Kind) -> bytes:
    """Read an entry, stopping as soon as it yields more than `limit` or its declared size."""
    limit = min(limit, info.file_size)
    parts: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise kind.fail(f"{info.filename} in the {kind.what} is larger than it declares")
            parts.append(chunk)
    return b"".join(parts)


def _manifest(raw: bytes, kind: Kind) -> dict[str, Any]:
    try:
        manifest = load_json(raw, f"{kind.what}'s manifest")
    except BorderError as error:
        raise kind.fail(str(error)) from error
    if not isinstance(manifest, dict) or manifest.get("format") != kind.format:
        raise kind.fail(f"the manifest is not a ddcheck {kind.what} manifest")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or not version >= 1:
        raise kind.fail(f"the {kind.what}'s format version is missing")
    if version > kind.format_version:
        raise kind.fail(
            f"{kind.what} format version {version} is newer than this ddcheck reads "
            f"({kind.format_version}); update ddcheck"
        )
    entries = manifest.get("entries")
    if not isinstance(entries, list):
        raise kind.fail(f"the {kind.what}'s manifest is malformed")
    paths = set()
    for entry in entries:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("size"), int)
            and not isinstance(entry.get("size"), bool)
            and entry["size"] >= 0
            and isinstance(entry.get("sha256"), str)
        ):
            raise kind.fail(f"the {kind.what}'s manifest has a malformed entry")
        if entry["path"] in paths:
            raise kind.fail(f"the manifest lists {entry['path'][:80]!r} twice")
        paths.add(entry["path"])
    return manifest

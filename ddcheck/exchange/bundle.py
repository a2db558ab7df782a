"""The `.ddcheck` bundle: a zip of the dossier JSON, its evidence files and a hashed manifest.

Reading never extracts to disk and trusts nothing in the archive: names, types, counts, declared
and actual sizes and every hash are checked before anything is returned.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddcheck.exchange.border import BorderError, load_json
from ddcheck.exchange.dossier_json import DossierFormatError, fingerprint, read_dossier_json
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.received_document import DossierDocument

BUNDLE_FORMAT = "ddcheck-bundle"
BUNDLE_FORMAT_VERSION = 1
SUFFIX = ".ddcheck"
MANIFEST = "manifest.json"
DOSSIER = "dossier.json"
EVIDENCE_DIR = "evidence/"
MAX_ENTRIES = 2_000
MAX_ENTRY_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed: more looks like a zip bomb
_CHUNK = 64 * 1024
_EVIDENCE_NAME = re.compile(r"^evidence/[0-9a-f]{64}$")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
# What zipfile and zlib raise on damaged archives (several found by fuzzing, see the tests).
_DAMAGED = (
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


class BundleError(ExchangeError):
    """The file is not a bundle ddcheck can read safely."""


@dataclass(frozen=True)
class BundleContents:
    """What a checked bundle holds: the dossier JSON bytes, the document and evidence files."""

    data: bytes
    document: dict[str, Any]
    fingerprint: str
    model: DossierDocument
    files: dict[str, bytes] = field(default_factory=dict)  # by SHA-256


def write_bundle(data: bytes, evidence: Iterable[bytes]) -> bytes:
    """Return the bundle bytes for the dossier JSON `data` and the evidence file contents."""
    files = {hashlib.sha256(blob).hexdigest(): blob for blob in evidence}
    entries = [(DOSSIER, data)] + [(f"{EVIDENCE_DIR}{h}", files[h]) for h in sorted(files)]
    manifest = {
        "format": BUNDLE_FORMAT,
        "format_version": BUNDLE_FORMAT_VERSION,
        "dossier": DOSSIER,
        "fingerprint": fingerprint(data),
        "entries": [
            {"path": name, "size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()}
            for name, blob in entries
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, blob in [(MANIFEST, _json_bytes(manifest)), *entries]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, blob)
    return buffer.getvalue()


def _json_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")


def read_bundle(path: Path | str) -> BundleContents:
    """Return the checked contents of the bundle at `path`; raise BundleError on any problem."""
    try:
        archive = zipfile.ZipFile(path)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as error:
        raise BundleError(f"the file cannot be read ({error.strerror})") from error
    except (*_DAMAGED, zipfile.LargeZipFile) as error:
        raise BundleError(
            "the file is not a ddcheck bundle (not a readable zip archive)"
        ) from error
    with archive:
        try:
            return _read(archive)
        except BundleError:
            raise
        except _DAMAGED as error:
            reason = " ".join(str(error).split())[:120]
            raise BundleError(f"the bundle is damaged ({reason})") from error


def _read(archive: zipfile.ZipFile) -> BundleContents:
    infos = archive.infolist()
    _check_entries(infos)
    by_name = {info.filename: info for info in infos}
    if MANIFEST not in by_name:
        raise BundleError("the bundle has no manifest")
    manifest = _manifest(_read_entry(archive, by_name[MANIFEST], MAX_MANIFEST_BYTES))
    listed = {entry["path"]: entry for entry in manifest["entries"]}
    extra = set(by_name) - set(listed) - {MANIFEST}
    if extra:
        raise BundleError(f"the bundle holds a file its manifest does not list: {min(extra)}")
    missing = set(listed) - set(by_name)
    if missing:
        raise BundleError(f"the bundle lacks a file its manifest lists: {min(missing)}")
    contents: dict[str, bytes] = {}
    total = 0
    for name, entry in listed.items():
        info = by_name[name]
        if name != DOSSIER and name != f"{EVIDENCE_DIR}{entry['sha256']}":
            raise BundleError(f"{name} in the bundle is not named after its SHA-256")
        if info.file_size != entry["size"]:
            raise BundleError(f"the size of {name} differs from the manifest")
        blob = _read_entry(archive, info, min(entry["size"], MAX_ENTRY_BYTES))
        total += len(blob)
        if total > MAX_TOTAL_BYTES:
            raise BundleError("the bundle unpacks to more than ddcheck accepts")
        if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
            raise BundleError(f"the contents of {name} do not match the manifest's SHA-256")
        contents[name] = blob
    data = contents.pop(DOSSIER)
    digest = fingerprint(data)
    if manifest["fingerprint"] != digest:
        raise BundleError("the dossier's fingerprint does not match the manifest")
    try:
        document, model = read_dossier_json(data)
    except DossierFormatError as error:
        raise BundleError(str(error)) from error
    files = {name.removeprefix(EVIDENCE_DIR): blob for name, blob in contents.items()}
    return BundleContents(data, document, digest, model, files)


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise BundleError(f"the bundle has more than {MAX_ENTRIES} entries")
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise BundleError(f"the bundle holds {name} twice")
        seen.add(name)
        if name not in (MANIFEST, DOSSIER) and not _EVIDENCE_NAME.match(name):
            raise BundleError(f"the bundle holds an unexpected path: {name[:80]!r}")
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind and kind != stat.S_IFREG:
            raise BundleError(f"{name} in the bundle is a link or special file, not a file")
        if info.flag_bits & 0x1:
            raise BundleError(f"{name} in the bundle is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(f"{name} in the bundle uses an unsupported compression")
        if info.file_size > MAX_ENTRY_BYTES:
            raise BundleError(f"{name} in the bundle is larger than ddcheck accepts")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise BundleError(f"{name} in the bundle is compressed suspiciously well (zip bomb?)")
        declared += info.file_size
    if declared > MAX_TOTAL_BYTES:
        raise BundleError("the bundle unpacks to more than ddcheck accepts")


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
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
                raise BundleError(f"{info.filename} in the bundle is larger than it declares")
            parts.append(chunk)
    return b"".join(parts)


def _manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = load_json(raw, "bundle's manifest")
    except BorderError as error:
        raise BundleError(str(error)) from error
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BundleError("the manifest is not a ddcheck bundle manifest")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or not version >= 1:
        raise BundleError("the bundle's format version is missing")
    if version > BUNDLE_FORMAT_VERSION:
        raise BundleError(
            f"bundle format version {version} is newer than this ddcheck reads "
            f"({BUNDLE_FORMAT_VERSION}); update ddcheck"
        )
    entries = manifest.get("entries")
    if not isinstance(entries, list) or not isinstance(manifest.get("fingerprint"), str):
        raise BundleError("the bundle's manifest is malformed")
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
            raise BundleError("the bundle's manifest has a malformed entry")
        if entry["path"] in paths:
            raise BundleError(f"the manifest lists {entry['path'][:80]!r} twice")
        paths.add(entry["path"])
    if DOSSIER not in paths:
        raise BundleError("the bundle has no dossier")
    return manifest

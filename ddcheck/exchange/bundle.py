"""The `.ddcheck` bundle: a zip of the dossier JSON, its evidence files and a hashed manifest.

Reading never extracts to disk and trusts nothing in the archive: names, types, counts, declared
and actual sizes and every hash are checked before anything is returned.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddcheck.exchange.archive import Kind, read_archive, write_archive
from ddcheck.exchange.dossier_json import DossierFormatError, fingerprint, read_dossier_json
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.received_document import DossierDocument
from ddcheck.exchange.signing import Signer, SigningKey

BUNDLE_FORMAT = "ddcheck-bundle"
BUNDLE_FORMAT_VERSION = 2  # 2: may carry manifest.sig (older ddcheck says "update"); 1 is read
SUFFIX = ".ddcheck"
DOSSIER = "dossier.json"
EVIDENCE_DIR = "evidence/"
MAX_ENTRIES = 2_000
_EVIDENCE_NAME = re.compile(r"^evidence/[0-9a-f]{64}$")


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
    signer: Signer | None = None  # who signed the manifest; None for an unsigned bundle


def _allowed(name: str) -> bool:
    return name == DOSSIER or bool(_EVIDENCE_NAME.match(name))


BUNDLE = Kind(
    what="bundle",
    error=BundleError,
    format=BUNDLE_FORMAT,
    format_version=BUNDLE_FORMAT_VERSION,
    allowed_name=_allowed,
    max_entries=MAX_ENTRIES,
)


def write_bundle(data: bytes, evidence: Iterable[bytes], key: SigningKey | None = None) -> bytes:
    """Return the bundle bytes for the dossier JSON `data` and the evidence file contents.

    With `key` the manifest (which holds every entry's SHA-256) is signed: `manifest.sig`.
    """
    files = {hashlib.sha256(blob).hexdigest(): blob for blob in evidence}
    entries = [(DOSSIER, data)] + [(f"{EVIDENCE_DIR}{h}", files[h]) for h in sorted(files)]
    return write_archive(BUNDLE, entries, key, dossier=DOSSIER, fingerprint=fingerprint(data))


def _check_manifest(manifest: dict[str, Any]) -> None:
    if not isinstance(manifest.get("fingerprint"), str):
        raise BundleError("the bundle's manifest is malformed")
    if DOSSIER not in {entry["path"] for entry in manifest["entries"]}:
        raise BundleError("the bundle has no dossier")


def _check_listed(manifest: dict[str, Any]) -> None:
    for entry in manifest["entries"]:
        name = entry["path"]
        if name != DOSSIER and name != f"{EVIDENCE_DIR}{entry['sha256']}":
            raise BundleError(f"{name} in the bundle is not named after its SHA-256")


def read_bundle(path: Path | str) -> BundleContents:
    """Return the checked contents of the bundle at `path`; raise BundleError on any problem."""
    archive = read_archive(path, BUNDLE, _check_manifest, _check_listed)
    contents = dict(archive.contents)
    data = contents.pop(DOSSIER)
    digest = fingerprint(data)
    if archive.manifest["fingerprint"] != digest:
        raise BundleError("the dossier's fingerprint does not match the manifest")
    try:
        document, model = read_dossier_json(data)
    except DossierFormatError as error:
        raise BundleError(str(error)) from error
    files = {name.removeprefix(EVIDENCE_DIR): blob for name, blob in contents.items()}
    return BundleContents(data, document, digest, model, files, archive.signer)

"""Hostile and malformed files for the importers, made from a valid PDF and a valid bundle."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

from pypdf import PdfWriter

from ddcheck.exchange.dossier_json import ATTACHMENT_NAME, canonical_bytes, fingerprint
from ddcheck.exchange.pdf_attachment import embed_json


def blank_pdf() -> bytes:
    """Return a one-page PDF without any attachment."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_attachment(data: bytes, digest: str | None = None) -> bytes:
    return embed_json(blank_pdf(), data, digest or fingerprint(data))


def _attachment_bomb() -> bytes:
    """Return a PDF whose dossier attachment inflates from ~80 KiB to 80 MiB."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(blank_pdf()))
    pdf.attachments[ATTACHMENT_NAME] = pikepdf.AttachedFileSpec(pdf, b" " * (80 * 1024 * 1024))
    out = io.BytesIO()
    pdf.save(out, compress_streams=True)
    return out.getvalue()


def _valid_json(pdf: bytes) -> bytes:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).attachments[ATTACHMENT_NAME][0]


def _rezip(bundle: bytes, change) -> bytes:
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        entries = [(i, archive.read(i)) for i in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            for new_info, new_data in change(info, data):
                target.writestr(new_info, new_data)
    return out.getvalue()


def hostile_files(valid_pdf: bytes, valid_bundle: bytes, folder: Path) -> dict[str, Path]:
    """Write every hostile variant into `folder`; return them by name."""
    data = _valid_json(valid_pdf)
    document = json.loads(data)
    tampered = canonical_bytes({**document, "lang": "en" if document["lang"] == "nl" else "nl"})

    def evil_entry(name: str, payload: bytes = b"x", mode: int | None = None):
        def change(info, blob):
            extra = zipfile.ZipInfo(name)
            if mode is not None:
                extra.external_attr = mode << 16
            return (
                [(info, blob), (extra, payload)]
                if info.filename == "dossier.json"
                else [(info, blob)]
            )

        return change

    def without_manifest(info, blob):
        return [] if info.filename == "manifest.json" else [(info, blob)]

    def flipped(info, blob):
        if info.filename == "dossier.json":
            blob = blob.replace(b'"audience":"adviser"', b'"audience":"advisor"')
        return [(info, blob)]

    variants: dict[str, bytes] = {
        "empty.pdf": b"",
        "text.pdf": b"this is not a pdf at all",
        "truncated.pdf": valid_pdf[: len(valid_pdf) // 2],
        "no-attachment.pdf": blank_pdf(),
        "not-json.pdf": _with_attachment(b"\x00\x01 not json"),
        "wrong-format.pdf": _with_attachment(b'{"format": "something-else", "format_version": 1}'),
        "future-format.pdf": _with_attachment(canonical_bytes({**document, "format_version": 99})),
        "fingerprint-mismatch.pdf": _with_attachment(tampered, fingerprint(data)),
        "bundle-no-manifest.ddcheck": _rezip(valid_bundle, without_manifest),
        "bundle-traversal.ddcheck": _rezip(valid_bundle, evil_entry("../../escape.txt")),
        "bundle-absolute.ddcheck": _rezip(valid_bundle, evil_entry("/tmp/escape.txt")),
        "bundle-symlink.ddcheck": _rezip(
            valid_bundle, evil_entry(f"evidence/{'a' * 64}", b"/etc/passwd", stat.S_IFLNK | 0o777)
        ),
        "bundle-hash-mismatch.ddcheck": _rezip(valid_bundle, flipped),
        "bundle-truncated.ddcheck": valid_bundle[: len(valid_bundle) // 2],
        "review-garbage.ddreview": b'{"format": "ddcheck-review", "format_version": 1}',
    }
    variants["attachment-bomb.pdf"] = _attachment_bomb()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("dossier.json", b" " * (30 * 1024 * 1024))
    variants["bundle-bomb.ddcheck"] = bomb.getvalue()
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, content in variants.items():
        path = folder / name
        path.write_bytes(content)
        paths[name] = path
    return paths

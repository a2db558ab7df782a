"""Signatures: the workspace key signs PDFs (PAdES, listed by pdfsig) and archive manifests."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest

from ddcheck.exchange.bundle import BundleError, read_bundle, write_bundle
from ddcheck.exchange.signing import (
    FIELD_NAME,
    SignatureError,
    SigningKey,
    pdf_signature,
    sign_archive,
    verify_archive,
)
from ddcheck.services.export import export_pdf
from tests.factories import filled_dossier, make_snapshot, synthetic_template

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
requires_pdfsig = pytest.mark.skipif(
    shutil.which("pdfsig") is None, reason="poppler-utils (pdfsig) is not installed"
)


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey.create("Van Dijk BV", NOW)


@pytest.fixture(scope="module")
def signed_pdf(key: SigningKey, tmp_path_factory: pytest.TempPathFactory) -> Path:
    template = synthetic_template()
    snapshot = make_snapshot(filled_dossier({template.id: template}), {template.id: template})
    out = tmp_path_factory.mktemp("signed") / "signed.pdf"
    export_pdf(snapshot, out, lang="en", key=key)
    return out


def test_the_certificate_is_self_issued_for_the_workspace(key: SigningKey) -> None:
    from cryptography import x509

    cert = x509.load_der_x509_certificate(key.certificate)
    assert cert.subject == cert.issuer
    assert key.signer.name == "Van Dijk BV (ddcheck, self-issued)"
    assert key.signer.key_id == SigningKey(key.private_key, key.certificate).signer.key_id
    assert "hidden" in repr(key) and key.private_key.hex() not in repr(key)


@requires_pdfsig
def test_pdfsig_lists_a_valid_signature_on_an_export(signed_pdf: Path) -> None:
    out = subprocess.run(
        ["pdfsig", str(signed_pdf)], capture_output=True, text=True, check=False
    ).stdout
    assert f"Signature Field Name: {FIELD_NAME}" in out
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert "self-issued" in out


def test_the_signature_is_an_incremental_update_that_keeps_the_report(
    signed_pdf: Path, key: SigningKey
) -> None:
    import pikepdf

    data = signed_pdf.read_bytes()
    assert pdf_signature(data) == key.signer
    first_revision_end = data.index(b"%%EOF") + len(b"%%EOF")
    unsigned = data[:first_revision_end]
    assert pdf_signature(unsigned + b"\n") is None  # the rendered PDF, untouched, comes first
    with pikepdf.open(io.BytesIO(data)) as pdf:
        [widget] = [a for a in pdf.pages[0].get("/Annots", []) if a.get("/FT") == "/Sig"]
        assert str(widget.T) == FIELD_NAME
        assert [float(v) for v in widget.Rect] == [0, 0, 0, 0]
        assert "/EmbeddedFiles" in pdf.Root.Names  # the dossier JSON is still attached


def test_a_changed_byte_or_an_appended_update_is_caught(signed_pdf: Path) -> None:
    data = signed_pdf.read_bytes()
    at = data.index(b"/Producer")
    changed = data[:at] + b"/Produces" + data[at + len(b"/Producer") :]
    with pytest.raises(SignatureError, match="changed after it was signed"):
        pdf_signature(changed)
    from pypdf import PdfWriter

    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({"/Title": "Something else"})
    buffer = io.BytesIO()
    writer.write(buffer)
    appended = buffer.getvalue()
    assert appended.startswith(data)  # an incremental update after the signature
    with pytest.raises(SignatureError, match="changed after it was signed"):
        pdf_signature(appended)


def test_a_pdf_without_a_signature_has_no_signer() -> None:
    assert pdf_signature(b"%PDF-1.4\n%%EOF\n") is None


def test_an_archive_signature_covers_the_manifest(key: SigningKey) -> None:
    manifest = b'{"format": "x", "entries": []}'
    signature = sign_archive(manifest, key)
    assert verify_archive(manifest, signature) == key.signer
    with pytest.raises(SignatureError, match="changed after it was signed"):
        verify_archive(manifest.replace(b"x", b"y"), signature)
    other = SigningKey.create("Mallory", NOW)
    forged = json.loads(signature)
    forged["certificate"] = json.loads(sign_archive(manifest, other))["certificate"]
    with pytest.raises(SignatureError):
        verify_archive(manifest, json.dumps(forged).encode())
    with pytest.raises(SignatureError, match="damaged"):
        verify_archive(manifest, b"\xff not json")


def test_a_signed_bundle_names_its_signer_and_a_forged_manifest_is_refused(
    key: SigningKey, tmp_path: Path
) -> None:
    data = b'{"not": "read here"}'
    bundle = tmp_path / "b.ddcheck"
    bundle.write_bytes(write_bundle(data, [b"evidence"], key))
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert manifest["format_version"] == 2
    # a manifest rewritten to match changed contents no longer fits the signature
    forged = tmp_path / "forged.ddcheck"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(forged, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "manifest.json":
                blob = blob.replace(b'"dossier.json"', b'"dossier.json" ', 1)
            target.writestr(info, blob)
    with pytest.raises(BundleError, match="signature fails"):
        read_bundle(forged)


def test_a_long_or_hostile_company_name_still_makes_a_key() -> None:
    name = "\x1b]0;Ω" * 40 + " B.V."
    key = SigningKey.create(name, NOW)
    assert key.signer.name.endswith("(ddcheck, self-issued)")


def test_a_signed_export_stays_pdf_1_7_for_pdfa_3b(signed_pdf: Path) -> None:
    """PAdES through the ESIC extension of PDF 1.7; pyHanko's PDF 2.0 bump broke PDF/A-3b."""
    pdfa = pytest.importorskip("pikepdf.pdfa", exc_type=ImportError)
    with pikepdf.open(signed_pdf) as pdf:
        assert pdf.Root.get("/Version") in (None, "/1.7")
        assert pdf.Root.Extensions.ESIC.BaseVersion == "/1.7"
        report = pdfa.check(pdf, "3b")
        assert not report.violations, [str(f) for f in report.violations]
        # pikepdf does not check forms, so the signature field is left to a full validator
        assert {f.kind for f in report.findings} <= {"unsupported"}


def test_a_certificate_whose_curve_was_damaged_is_refused_not_a_crash(key: SigningKey) -> None:
    import base64

    from ddcheck.exchange.signing import signer_of

    manifest = b'{"format": "x", "entries": []}'
    document = json.loads(sign_archive(manifest, key))
    der = base64.b64decode(document["certificate"])
    p256 = bytes.fromhex("06082a8648ce3d030107")  # the curve's OID, as the fuzzer hit it
    assert p256 in der
    damaged = der.replace(p256, bytes.fromhex("06082a8648ce3d030108"))
    document["certificate"] = base64.b64encode(damaged).decode()
    with pytest.raises(SignatureError, match="damaged"):
        verify_archive(manifest, json.dumps(document).encode())
    with pytest.raises(SignatureError, match="cannot be read"):
        signer_of(damaged)

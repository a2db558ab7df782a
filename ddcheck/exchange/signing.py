"""Signatures: a workspace's own key signs its PDFs (PAdES) and archives (detached).

The key is an ECDSA P-256 key with a self-issued X.509 certificate (no certificate authority):
a signature proves that a file is unchanged since a workspace holding this key signed it, and
that it comes from the same key as earlier files; it does not prove who a person is.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from ddcheck.exchange.errors import ExchangeError

FIELD_NAME = "ddcheck-signature"
SIGNATURE_FORMAT = "ddcheck-signature"
ALGORITHM = "ecdsa-p256-sha256"
MAX_SIGNATURE_BYTES = 16 * 1024
_VALID_YEARS = 30


class SignatureError(ExchangeError):
    """A signature that does not hold: the file was changed after it was signed, or is forged."""


def _fit(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` UTF-8 bytes (X.509 bounds names in encoded length)."""
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


@dataclass(frozen=True, repr=False)
class SigningKey:
    """A workspace's private key (PKCS#8 DER) and its self-issued certificate (DER)."""

    private_key: bytes
    certificate: bytes

    @classmethod
    def create(cls, name: str, now: dt.datetime) -> SigningKey:
        """Return a new key pair with a self-signed certificate for `name` (the workspace)."""
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        label = _fit(" ".join(name.split()), 40) or "ddcheck workspace"
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, f"{label} (ddcheck, self-issued)"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, label),
            ]
        )
        usage = x509.KeyUsage(
            digital_signature=True,
            content_commitment=True,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=False,
            crl_sign=False,
            encipher_only=False,
            decipher_only=False,
        )
        certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365 * _VALID_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage, critical=True)
            .sign(key, hashes.SHA256())
        )
        return cls(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            certificate.public_bytes(serialization.Encoding.DER),
        )

    @property
    def signer(self) -> Signer:
        """Return who this key signs as (its key id and certificate)."""
        return signer_of(self.certificate)

    def __repr__(self) -> str:
        return f"SigningKey({self.signer.key_id[:16]}, <private key hidden>)"


@dataclass(frozen=True)
class Signer:
    """Who signed: the SHA-256 of the public key (what is pinned), the name, the certificate."""

    key_id: str
    name: str
    certificate: bytes

    @property
    def short_id(self) -> str:
        """Return the key id in groups, short enough to read aloud and compare."""
        return short_id(self.key_id)


def short_id(key_id: str) -> str:
    """Return the first 16 hex digits of a key id in groups of four (to compare by eye)."""
    return " ".join(key_id[i : i + 4] for i in range(0, 16, 4)).upper()


def signer_of(certificate: bytes) -> Signer:
    """Return the signer of a DER certificate; raise SignatureError when it is not one."""
    from cryptography import x509
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    try:
        cert = x509.load_der_x509_certificate(certificate)
        spki = cert.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise SignatureError("the signer's certificate cannot be read") from error
    name = str(names[0].value) if names else ""
    return Signer(hashlib.sha256(spki).hexdigest(), name[:200], certificate)


# --- PDFs: a PAdES signature in an incremental update --------------------------------------


def sign_pdf(pdf: bytes, key: SigningKey) -> bytes:
    """Return `pdf` with an invisible PAdES signature (field `ddcheck-signature`, page 1) added.

    The signature is an incremental update: the bytes of `pdf` stay as they are, followed by
    the signature field, its widget annotation (zero-size rectangle on the first page) and the
    form that holds them.
    """
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(key.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_key),
        cert_registry=SimpleCertificateStore(),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    output = _pdf17_signer_class()(meta, signer).sign_pdf(writer)
    return bytes(output.getvalue())


def _pdf17_signer_class() -> type:
    """Return a pyHanko signer that keeps the file at PDF 1.7 (imported only when signing)."""
    from pyhanko.sign import signers
    from pyhanko.sign.signers import constants

    class Pdf17Signer(signers.PdfSigner):  # type: ignore[misc]
        """PAdES through the ESIC extension of PDF 1.7, without pyHanko's PDF 2.0 bump.

        pyHanko marks an ECDSA P-256 signature with the ISO 32002 extension, which raises the
        file to PDF 2.0; PDF/A-3b (the report's archival form) allows at most PDF 1.7, and the
        ESIC extension is how PDF 1.7 carries a PAdES (ETSI.CAdES.detached) signature.
        """

        def register_extensions(self, pdf_out: Any, *, md_algorithm: str) -> None:
            pdf_out.ensure_output_version(version=(1, 7))
            pdf_out.register_extension(constants.ESIC_EXTENSION_1)

    return Pdf17Signer


def pdf_signature(pdf: bytes) -> Signer | None:
    """Return who signed `pdf` (None when it carries no signature).

    Raise SignatureError when a signature is there but does not hold: bytes changed after
    signing, anything added after the signature, or a signature that cannot be checked.
    """
    if b"/ByteRange" not in pdf:
        return None  # no signature dictionary at all: an unsigned file (older ddcheck)
    try:
        return _check_pdf(pdf)
    except SignatureError:
        raise
    except Exception as error:  # pyHanko raises many kinds of errors on hostile input
        raise SignatureError("the PDF's signature cannot be checked") from error


def _check_pdf(pdf: bytes) -> Signer | None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    if not signatures:
        return None
    if len(signatures) > 1:
        raise SignatureError("the PDF carries more than one signature")
    [embedded] = signatures
    certificate = embedded.signer_cert
    context = ValidationContext(trust_roots=[certificate], allow_fetching=False)
    status = validate_pdf_signature(embedded, signer_validation_context=context)
    if not (status.intact and status.valid):
        raise SignatureError("the PDF was changed after it was signed (the signature fails)")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise SignatureError("the PDF was changed after it was signed (content was added)")
    return signer_of(certificate.dump())


# --- archives (bundles, review files, mission packs): a detached signature ------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def signature_document(data: bytes, key: SigningKey) -> dict[str, Any]:
    """Return the detached signature of `data` as JSON data (algorithm, certificate, value)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    private = serialization.load_der_private_key(key.private_key, password=None)
    if not isinstance(private, ec.EllipticCurvePrivateKey):
        raise SignatureError("the workspace key is not an ECDSA key")
    value = private.sign(data, ec.ECDSA(hashes.SHA256()))
    return {
        "format": SIGNATURE_FORMAT,
        "format_version": 1,
        "algorithm": ALGORITHM,
        "certificate": _b64(key.certificate),
        "signature": _b64(value),
    }


def sign_archive(manifest: bytes, key: SigningKey) -> bytes:
    """Return the detached signature file of an archive's `manifest` bytes (store it beside)."""
    text = json.dumps(signature_document(manifest, key), sort_keys=True, indent=1)
    return text.encode("ascii") + b"\n"


def check_signature_document(data: bytes, document: Any) -> Signer:
    """Return who signed `data` per the signature JSON `document`; raise SignatureError."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    if (
        not isinstance(document, dict)
        or document.get("format") != SIGNATURE_FORMAT
        or document.get("algorithm") != ALGORITHM
        or not isinstance(document.get("certificate"), str)
        or not isinstance(document.get("signature"), str)
    ):
        raise SignatureError("the signature is not one ddcheck can check")
    try:
        certificate = base64.b64decode(document["certificate"], validate=True)
        value = base64.b64decode(document["signature"], validate=True)
        public = x509.load_der_x509_certificate(certificate).public_key()
    except (ValueError, UnsupportedAlgorithm) as error:  # a damaged key names no known curve
        raise SignatureError("the signature or its certificate is damaged") from error
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise SignatureError("the signature is not one ddcheck can check")
    try:
        public.verify(value, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as error:
        raise SignatureError("the file was changed after it was signed") from error
    return signer_of(certificate)


def verify_archive(manifest: bytes, signature: bytes) -> Signer:
    """Return who signed an archive's `manifest` bytes; raise SignatureError if it fails."""
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise SignatureError("the signature file is larger than a signature can be")
    try:
        document = json.loads(signature.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SignatureError("the signature file is damaged") from error
    return check_signature_document(manifest, document)

"""The shared archive: a hashed manifest, and its signature (who signed, or refused)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from ddcheck.exchange.archive import Kind, read_archive, write_archive
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.signing import SigningKey


class Refused(ExchangeError):
    """The test kind's refusal."""


NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
PLAIN = Kind("test archive", Refused, "test", 1, lambda name: name == "a.txt")


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey.create("Archief BV", NOW)


def test_a_signed_archive_names_its_signer_and_an_unsigned_one_none(
    tmp_path: Path, key: SigningKey
) -> None:
    signed, unsigned = tmp_path / "s.zip", tmp_path / "u.zip"
    signed.write_bytes(write_archive(PLAIN, [("a.txt", b"hello")], key=key))
    unsigned.write_bytes(write_archive(PLAIN, [("a.txt", b"hello")]))
    signer = read_archive(signed, PLAIN).signer
    assert signer is not None and signer.key_id == key.signer.key_id
    assert read_archive(unsigned, PLAIN).signer is None
    assert read_archive(unsigned, PLAIN).contents == {"a.txt": b"hello"}


def test_a_signature_of_another_manifest_is_refused(tmp_path: Path, key: SigningKey) -> None:
    path = tmp_path / "s.zip"
    good = write_archive(PLAIN, [("a.txt", b"hello")], key=key)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    other = write_archive(PLAIN, [("a.txt", b"other")], key=key)
    with zipfile.ZipFile(io.BytesIO(other)) as archive:
        entries["manifest.sig"] = archive.read("manifest.sig")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in entries.items():
            archive.writestr(name, blob)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(Refused, match="signature"):
        read_archive(path, PLAIN)

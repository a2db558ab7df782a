"""The shared archive: a hashed manifest, and the hook that checks a manifest signature."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ddcheck.exchange.archive import Kind, read_archive, write_archive
from ddcheck.exchange.errors import ExchangeError


class Refused(ExchangeError):
    """The test kind's refusal."""


def _sign(manifest: bytes) -> bytes:
    return hashlib.sha256(b"key" + manifest).hexdigest().encode()


def _verify(manifest: bytes, signature: bytes | None) -> str | None:
    if signature is None:
        return None
    if signature != _sign(manifest):
        raise Refused("the manifest's signature does not match")
    return "signer"


PLAIN = Kind("test archive", Refused, "test", 1, lambda name: name == "a.txt")
CHECKED = Kind("test archive", Refused, "test", 1, lambda name: name == "a.txt", verify=_verify)


def test_a_signed_archive_names_its_signer_and_an_unsigned_one_none(tmp_path: Path) -> None:
    signed, unsigned = tmp_path / "s.zip", tmp_path / "u.zip"
    signed.write_bytes(write_archive(CHECKED, [("a.txt", b"hello")], sign=_sign))
    unsigned.write_bytes(write_archive(CHECKED, [("a.txt", b"hello")]))
    assert read_archive(signed, CHECKED).signer == "signer"
    assert read_archive(unsigned, CHECKED).signer is None
    assert read_archive(unsigned, CHECKED).contents == {"a.txt": b"hello"}


def test_a_bad_signature_or_one_nobody_can_check_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.zip"
    path.write_bytes(write_archive(CHECKED, [("a.txt", b"hello")], sign=lambda m: b"forged"))
    with pytest.raises(Refused, match="signature does not match"):
        read_archive(path, CHECKED)
    path.write_bytes(write_archive(CHECKED, [("a.txt", b"hello")], sign=_sign))
    with pytest.raises(Refused, match="cannot check signatures"):
        read_archive(path, PLAIN)

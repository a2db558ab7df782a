"""The workspace key: a random data key, wrapped by the passphrase and by the recovery key.

SQLCipher takes one key per database. The workspace has two ways in (the passphrase and the
recovery key), so the database, the backups and the evidence files are encrypted with a random
256-bit data key, and `workspace.keys` holds that data key twice, each copy encrypted
(AES-256-GCM) under a key derived with scrypt from one of the two secrets. The data key itself
is never written anywhere in the clear; changing the passphrase rewrites one slot only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
_PASSPHRASE = "passphrase"
_RECOVERY = "recovery"
# scrypt cost: ~0.1 s and 32 MiB per try for a passphrase; the recovery key has 160 random bits.
_COST = {_PASSPHRASE: (2**15, 8, 1), _RECOVERY: (2**12, 8, 1)}
_RECOVERY_BYTES = 20
MIN_PASSPHRASE = 8


class KeyFileError(Exception):
    """The key file is unreadable or was written by a newer ddcheck."""


@dataclass(frozen=True, repr=False)
class DataKey:
    """The random 256-bit key that encrypts the database, the backups and the evidence."""

    raw: bytes

    @classmethod
    def new(cls) -> DataKey:
        """Return a fresh random key."""
        return cls(secrets.token_bytes(32))

    def pragma(self) -> str:
        """Return the key as SQLCipher's raw-key literal (no key derivation on each open)."""
        return f"\"x'{self.raw.hex()}'\""

    def derive(self, purpose: str) -> bytes:
        """Return a separate 256-bit key for one purpose (evidence files, travel archives)."""
        return hashlib.blake2b(purpose.encode(), key=self.raw, digest_size=32).digest()

    def __repr__(self) -> str:
        return "DataKey(<hidden>)"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def normalize_recovery(text: str) -> str:
    """Return a recovery key without spaces, dashes or case differences."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_recovery_key() -> str:
    """Return a random recovery key as eight groups of four letters and digits."""
    code = base64.b32encode(secrets.token_bytes(_RECOVERY_BYTES)).decode("ascii")
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _kek(kind: str, secret: str, salt: bytes) -> bytes:
    n, r, p = _COST[kind]
    text = normalize_recovery(secret) if kind == _RECOVERY else secret
    return hashlib.scrypt(text.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=32)


def _wrap(kind: str, secret: str, key: DataKey) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(kind, secret, salt)).encrypt(nonce, key.raw, kind.encode())
    return {"salt": _b64(salt), "nonce": _b64(nonce), "key": _b64(sealed)}


def _unwrap(kind: str, secret: str, slot: dict[str, str]) -> DataKey | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce, sealed = (_unb64(slot[name]) for name in ("salt", "nonce", "key"))
    try:
        return DataKey(AESGCM(_kek(kind, secret, salt)).decrypt(nonce, sealed, kind.encode()))
    except InvalidTag:
        return None


@dataclass(frozen=True)
class KeyFile:
    """What `workspace.keys` holds: the wrapped data key slots and a few settings."""

    slots: dict[str, dict[str, str]]
    keychain: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, passphrase: str, key: DataKey, recovery: str) -> KeyFile:
        """Return a key file whose slots open with `passphrase` and with `recovery`."""
        return cls(
            slots={
                _PASSPHRASE: _wrap(_PASSPHRASE, passphrase, key),
                _RECOVERY: _wrap(_RECOVERY, recovery, key),
            }
        )

    def unlock(self, secret: str) -> DataKey | None:
        """Return the data key for the passphrase or the recovery key, or None if neither fits."""
        found = _unwrap(_PASSPHRASE, secret, self.slots[_PASSPHRASE])
        if found is None and len(normalize_recovery(secret)) == _RECOVERY_BYTES * 8 // 5:
            found = _unwrap(_RECOVERY, secret, self.slots[_RECOVERY])
        return found

    def with_passphrase(self, passphrase: str, key: DataKey) -> KeyFile:
        """Return this key file with the passphrase slot rewritten for a new passphrase."""
        return KeyFile(
            {**self.slots, _PASSPHRASE: _wrap(_PASSPHRASE, passphrase, key)},
            self.keychain,
            self.extra,
        )

    def with_keychain(self, keychain: bool) -> KeyFile:
        """Return this key file with the 'remembered in the keychain' mark set or cleared."""
        return KeyFile(self.slots, keychain, self.extra)

    def save(self, path: Path) -> None:
        """Write the key file atomically (a crash leaves the old or the new one, never half)."""
        body = {
            "format": FORMAT,
            "cipher": "sqlcipher4",
            "kdf": "scrypt",
            "wrap": "aes-256-gcm",
            "keychain": self.keychain,
            "slots": self.slots,
            **self.extra,
        }
        partial = path.with_name(f".{path.name}-{os.getpid()}.part")
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(body, handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read a key file; raise KeyFileError when it cannot be used."""
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            if body.get("format") != FORMAT:
                raise KeyFileError(f"{path.name} was written by a newer ddcheck")
            slots = {kind: dict(body["slots"][kind]) for kind in (_PASSPHRASE, _RECOVERY)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise KeyFileError(f"{path.name} cannot be read ({error})") from error
        known = {"format", "cipher", "kdf", "wrap", "keychain", "slots"}
        extra = {k: v for k, v in body.items() if k not in known}
        return cls(slots=slots, keychain=bool(body.get("keychain")), extra=extra)

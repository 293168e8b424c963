#!/usr/bin/env python3
"""Independent implementation of the spec-kitty v2 session file format, written from the spec only.

    session_compat.py write <dir> <passphrase>   writes <dir>/session.salt and <dir>/session.json
                                                  for a fixed sample session
    session_compat.py read  <dir> <passphrase>   prints the decrypted session JSON on stdout

Format: session.json = {"version": 2, "nonce": <24 lowercase hex>, "ciphertext": <lowercase hex>},
AES-256-GCM (12-byte nonce, no AAD, 16-byte tag appended) under
scrypt(passphrase, salt, n=2**14, r=8, p=1, length=32); salt = 16 raw bytes in session.salt.
Needs the `cryptography` package.
"""
import json
import os
import sys
from datetime import datetime, timezone

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt


def derive_key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(passphrase.encode("utf-8"))


def iso(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat()


def sample_session() -> dict:
    return {
        "user_id": "user-compat-42",
        "email": "compat@example.com",
        "name": "Compat Tester",
        "teams": [
            {"id": "team-private-1", "name": "Private Teamspace", "role": "owner", "is_private_teamspace": True},
            {"id": "team-shared-2", "name": "Shared Team", "role": "member", "is_private_teamspace": False},
        ],
        "default_team_id": "team-private-1",
        "access_token": "at_SENTINEL_compat",
        "refresh_token": "rt_SENTINEL_compat",
        "session_id": "sess-compat-7",
        "issued_at": iso(datetime(2026, 4, 9, 13, 37, 0, 123456, tzinfo=timezone.utc)),
        "access_token_expires_at": iso(datetime(2026, 4, 9, 14, 37, 0, tzinfo=timezone.utc)),
        "refresh_token_expires_at": iso(datetime(2026, 5, 9, 13, 37, 0, 500000, tzinfo=timezone.utc)),
        "scope": "offline_access",
        "storage_backend": "file",
        "last_used_at": iso(datetime(2026, 4, 9, 13, 40, 1, tzinfo=timezone.utc)),
        "auth_method": "device_code",
        "generation": 3,
    }


def write(directory: str, passphrase: str) -> None:
    os.makedirs(directory, mode=0o700, exist_ok=True)
    salt = os.urandom(16)
    salt_path = os.path.join(directory, "session.salt")
    with open(os.open(salt_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        handle.write(salt)
    nonce = os.urandom(12)
    plaintext = json.dumps(sample_session()).encode("utf-8")
    ciphertext = AESGCM(derive_key(passphrase, salt)).encrypt(nonce, plaintext, None)
    envelope = {"version": 2, "nonce": nonce.hex(), "ciphertext": ciphertext.hex()}
    session_path = os.path.join(directory, "session.json")
    with open(os.open(session_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
        json.dump(envelope, handle)


def read(directory: str, passphrase: str) -> None:
    with open(os.path.join(directory, "session.json"), encoding="utf-8") as handle:
        envelope = json.load(handle)
    if envelope.get("version") != 2:
        raise SystemExit("unsupported version")
    with open(os.path.join(directory, "session.salt"), "rb") as handle:
        salt = handle.read()
    if len(salt) != 16:
        raise SystemExit("salt must be 16 bytes")
    nonce = bytes.fromhex(envelope["nonce"])
    ciphertext = bytes.fromhex(envelope["ciphertext"])
    plaintext = AESGCM(derive_key(passphrase, salt)).decrypt(nonce, ciphertext, None)
    session = json.loads(plaintext.decode("utf-8"))
    # Parse every timestamp the way the reference reader does, so a bad format fails here.
    for key in ("issued_at", "access_token_expires_at", "refresh_token_expires_at", "last_used_at"):
        if session.get(key) is not None:
            datetime.fromisoformat(session[key])
    json.dump(session, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


def main(argv: list) -> int:
    if len(argv) != 4 or argv[1] not in ("write", "read"):
        sys.stderr.write(__doc__)
        return 2
    {"write": write, "read": read}[argv[1]](argv[2], argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

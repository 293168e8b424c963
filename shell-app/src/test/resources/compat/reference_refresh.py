#!/usr/bin/env python3
"""A second CLI on the same machine: locks and refreshes the way the reference CLI does, written from the
spec only (docs/spec/behaviour.md §3.2, §3.3; docs/spec/hosted-contract.md §4, §5.2), as a foreign contender for this CLI.

    reference_refresh.py refresh <auth_dir> <base_url>
        one refresh transaction under refresh.lock; prints "refreshed", "adopted", "lock_timeout" or
        "failed <status>"
    reference_refresh.py refresh-on-cue <auth_dir> <base_url> <hold_after_seconds>
        takes refresh.lock, prints "held <pid>", waits for a line on stdin, then runs the transaction
        as above (prints its outcome) and keeps the lock <hold_after_seconds> longer
    reference_refresh.py hold <auth_dir> <seconds> <record_age_seconds>
        takes refresh.lock, writes a holder record that started <record_age_seconds> ago, prints
        "held <pid>", holds it, releases it

Locks: fcntl.flock(LOCK_EX | LOCK_NB) retried every 0.1 s for up to 10 s, on refresh.lock (the holder
record is written into the locked descriptor and fsynced; on release truncated, unlocked, closed; never
unlinked) and on session.lock (as the `filelock` package does). The session is the v2 envelope:
AES-256-GCM under scrypt("<hostname>:<uid>", session.salt), replaced through session.json.tmp.
Needs the `cryptography` package.
"""
import fcntl
import json
import os
import socket
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ACQUIRE_TIMEOUT_S = 10.0
RETRY_S = 0.1
BUFFER_S = 5


class LockTimeout(Exception):
    pass


def flock(path, mode=0o600):
    """An exclusive flock on path, retried without blocking; returns the descriptor."""
    deadline = time.monotonic() + ACQUIRE_TIMEOUT_S
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, mode)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            os.close(fd)
        if time.monotonic() >= deadline:
            raise LockTimeout(path)
        time.sleep(RETRY_S)


def unlock(fd, truncate=False):
    if truncate:
        os.ftruncate(fd, 0)
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def take_refresh_lock(auth_dir, record_age_s=0):
    fd = flock(os.path.join(auth_dir, "refresh.lock"))
    started = datetime.now(timezone.utc) - timedelta(seconds=record_age_s)
    record = {"host": socket.gethostname(), "pid": os.getpid(), "schema_version": 1,
              "started_at": started.isoformat(), "version": "reference-contender"}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(record, sort_keys=True).encode("utf-8"), 0)
    os.fsync(fd)
    return fd


def key(salt):
    passphrase = f"{socket.gethostname()}:{os.getuid()}"
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(passphrase.encode("utf-8"))


def read_session(auth_dir):
    fd = flock(os.path.join(auth_dir, "session.lock"), 0o644)
    try:
        with open(os.path.join(auth_dir, "session.json"), encoding="utf-8") as handle:
            envelope = json.load(handle)
        with open(os.path.join(auth_dir, "session.salt"), "rb") as handle:
            salt = handle.read()
    finally:
        unlock(fd)
    plaintext = AESGCM(key(salt)).decrypt(bytes.fromhex(envelope["nonce"]),
                                          bytes.fromhex(envelope["ciphertext"]), None)
    return json.loads(plaintext.decode("utf-8")), salt


def write_session(auth_dir, session, salt):
    nonce = os.urandom(12)
    ciphertext = AESGCM(key(salt)).encrypt(nonce, json.dumps(session).encode("utf-8"), None)
    envelope = json.dumps({"version": 2, "nonce": nonce.hex(), "ciphertext": ciphertext.hex()})
    fd = flock(os.path.join(auth_dir, "session.lock"), 0o644)
    try:
        temporary = os.path.join(auth_dir, "session.json.tmp")
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
            handle.write(envelope)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, os.path.join(auth_dir, "session.json"))
    finally:
        unlock(fd)


def refresh(auth_dir, base_url):
    try:
        lock = take_refresh_lock(auth_dir)
    except LockTimeout:
        print("lock_timeout", flush=True)
        return 3
    try:
        return refresh_locked(auth_dir, base_url)
    finally:
        unlock(lock, truncate=True)


def refresh_on_cue(auth_dir, base_url, hold_after_s):
    lock = take_refresh_lock(auth_dir)
    try:
        print(f"held {os.getpid()}", flush=True)
        sys.stdin.readline()
        status = refresh_locked(auth_dir, base_url)
        time.sleep(hold_after_s)
        return status
    finally:
        unlock(lock, truncate=True)


def refresh_locked(auth_dir, base_url):
    """Read, decide, refresh, write; the caller holds refresh.lock."""
    session, salt = read_session(auth_dir)
    now = datetime.now(timezone.utc)
    if datetime.fromisoformat(session["access_token_expires_at"]) > now + timedelta(seconds=BUFFER_S):
        print("adopted", flush=True)  # another process refreshed while we waited
        return 0
    form = urllib.parse.urlencode({"grant_type": "refresh_token", "refresh_token": session["refresh_token"],
                                   "client_id": "cli_native"}).encode("ascii")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(urllib.request.Request(base_url.rstrip("/") + "/oauth/token", data=form),
                         timeout=10) as response:
            grant = json.load(response)
    except urllib.error.HTTPError as refused:
        print(f"failed {refused.code}", flush=True)
        return 1
    session["access_token"] = grant["access_token"]
    session["refresh_token"] = grant.get("refresh_token", session["refresh_token"])
    session["access_token_expires_at"] = (now + timedelta(seconds=grant.get("expires_in", 3600))).isoformat()
    if grant.get("refresh_token_expires_at"):
        session["refresh_token_expires_at"] = grant["refresh_token_expires_at"]
    elif grant.get("refresh_token_expires_in") is not None:
        session["refresh_token_expires_at"] = (
            now + timedelta(seconds=grant["refresh_token_expires_in"])).isoformat()
    if grant.get("generation") is not None:
        session["generation"] = grant["generation"]
    write_session(auth_dir, session, salt)
    print("refreshed", flush=True)
    return 0


def hold(auth_dir, seconds, record_age_s):
    lock = take_refresh_lock(auth_dir, record_age_s)
    print(f"held {os.getpid()}", flush=True)
    time.sleep(seconds)
    unlock(lock, truncate=True)
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "refresh":
        return refresh(argv[2], argv[3])
    if len(argv) == 5 and argv[1] == "refresh-on-cue":
        return refresh_on_cue(argv[2], argv[3], float(argv[4]))
    if len(argv) == 5 and argv[1] == "hold":
        return hold(argv[2], float(argv[3]), float(argv[4]))
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

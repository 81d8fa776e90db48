"""DSSE envelopes (github.com/secure-systems-lab/dsse, protocol v1) signed with Ed25519.

The signature covers PAE(payloadType, payload) =
``"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`` (lengths in ASCII decimal), so
neither the payload type nor the payload can be swapped. `keyid` is the first 16 hex
digits of SHA-256 of the raw public key. The private key is a 32-byte Ed25519 seed,
given as 64 hex digits or base64; it never appears in any output of this module.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gate.errors import UsageError
from gate.evidence import ed25519

PAYLOAD_TYPE = "application/vnd.in-toto+json"


def pae(payload_type: str, payload: bytes) -> bytes:
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(payload), payload)


def canonical(value: Any) -> bytes:
    """The one byte form used for digests: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_key(text: str, *, what: str = "key") -> bytes:
    """32 raw bytes from hex or base64; the message never repeats the value."""
    value = text.strip()
    raw: bytes | None = None
    try:
        raw = bytes.fromhex(value)
    except ValueError:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raw = None
    if raw is None or len(raw) != 32:
        raise UsageError(
            f"the Ed25519 {what} must be 32 bytes as 64 hex digits or base64 "
            "(generate one with `gate evidence keygen`)"
        )
    return raw


def key_id(public: bytes) -> str:
    return sha256(public)[:16]


@dataclass(frozen=True, slots=True)
class Signer:
    """A private key held only in memory; repr() never shows it."""

    _seed: bytes

    def __repr__(self) -> str:
        return f"Signer(keyid={self.keyid})"

    @property
    def public(self) -> bytes:
        return ed25519.public_key(self._seed)

    @property
    def keyid(self) -> str:
        return key_id(self.public)

    def sign(self, message: bytes) -> bytes:
        return ed25519.sign(self._seed, message)


def envelope(statement: Mapping[str, Any], signer: Signer | None) -> dict[str, Any]:
    payload = canonical(statement)
    signatures = []
    if signer is not None:
        sig = signer.sign(pae(PAYLOAD_TYPE, payload))
        signatures.append({"keyid": signer.keyid, "sig": base64.b64encode(sig).decode()})
    return {
        "payloadType": PAYLOAD_TYPE,
        "payload": base64.b64encode(payload).decode(),
        "signatures": signatures,
    }


def payload_of(env: Mapping[str, Any]) -> dict[str, Any]:
    """The statement inside an envelope; ValueError when it is not one."""
    if env.get("payloadType") != PAYLOAD_TYPE:
        raise ValueError(f"payloadType is {env.get('payloadType')!r}, not {PAYLOAD_TYPE}")
    try:
        data = json.loads(base64.b64decode(str(env.get("payload", "")), validate=True))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"payload is not base64 JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError("payload is not a JSON object")
    return data


def verify_signatures(env: Mapping[str, Any], keys: Iterable[bytes]) -> tuple[bool, str]:
    """(True, keyid) when a signature verifies with one of `keys`; else (False, why)."""
    trusted = {key_id(k): k for k in keys}
    signatures = env.get("signatures") or []
    if not signatures:
        return False, "unsigned"
    try:
        message = pae(str(env["payloadType"]), base64.b64decode(str(env["payload"])))
    except (KeyError, binascii.Error, ValueError):
        return False, "malformed envelope"
    for entry in signatures:
        if not isinstance(entry, dict):
            continue
        keyid = str(entry.get("keyid") or "")
        candidates = [trusted[keyid]] if keyid in trusted else list(trusted.values())
        try:
            sig = base64.b64decode(str(entry.get("sig") or ""), validate=True)
        except (binascii.Error, ValueError):
            continue
        for public in candidates:
            if ed25519.verify(public, message, sig):
                return True, key_id(public)
    if not trusted:
        return False, "signed, but no public key to verify it was given"
    return False, "no signature verifies with the trusted key(s)"

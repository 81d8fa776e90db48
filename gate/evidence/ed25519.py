"""Ed25519 signatures (RFC 8032), in pure Python: no new runtime dependency.

The arithmetic follows RFC 8032 section 6 (the reference implementation): extended
homogeneous coordinates, SHA-512, the cofactorless verification equation
``[S]B = R + [k]A``. It is slow (milliseconds per signature) but one record is signed
per run. When the optional `cryptography` package is importable it is used instead,
with the same inputs and outputs; `tests/evidence/test_ed25519.py` checks both against
RFC 8032's test vectors. This code is not constant-time: sign on CI runners, not on
shared hosts where an attacker can time the signing process.
"""

from __future__ import annotations

import hashlib

__all__ = ["public_key", "sign", "verify"]

_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)

_Point = tuple[int, int, int, int]


def _sha512_int(data: bytes) -> int:
    return int.from_bytes(hashlib.sha512(data).digest(), "little")


def _add(a: _Point, b: _Point) -> _Point:
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    aa = (y1 - x1) * (y2 - x2) % _P
    bb = (y1 + x1) * (y2 + x2) % _P
    cc = 2 * t1 * t2 * _D % _P
    dd = 2 * z1 * z2 % _P
    e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _multiply(scalar: int, point: _Point) -> _Point:
    result: _Point = (0, 1, 1, 0)  # the neutral element
    while scalar > 0:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _equal(a: _Point, b: _Point) -> bool:
    if (a[0] * b[2] - b[0] * a[2]) % _P != 0:
        return False
    return (a[1] * b[2] - b[1] * a[2]) % _P == 0


def _recover_x(y: int, sign: int) -> int | None:
    if y >= _P:
        return None
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


_GY = 4 * pow(5, _P - 2, _P) % _P
_GX = _recover_x(_GY, 0) or 0
_G: _Point = (_GX, _GY, 1, _GX * _GY % _P)


def _compress(point: _Point) -> bytes:
    zinv = pow(point[2], _P - 2, _P)
    x, y = point[0] * zinv % _P, point[1] * zinv % _P
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")


def _decompress(data: bytes) -> _Point | None:
    if len(data) != 32:
        return None
    y = int.from_bytes(data, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % _P)


def _expand(secret: bytes) -> tuple[int, bytes]:
    if len(secret) != 32:
        raise ValueError("an Ed25519 private key is 32 bytes")
    digest = hashlib.sha512(secret).digest()
    a = int.from_bytes(digest[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, digest[32:]


def _pure_public_key(secret: bytes) -> bytes:
    a, _ = _expand(secret)
    return _compress(_multiply(a, _G))


def _pure_sign(secret: bytes, message: bytes) -> bytes:
    a, prefix = _expand(secret)
    public = _compress(_multiply(a, _G))
    r = _sha512_int(prefix + message) % _L
    big_r = _compress(_multiply(r, _G))
    k = _sha512_int(big_r + public + message) % _L
    s = (r + k * a) % _L
    return big_r + int.to_bytes(s, 32, "little")


def _pure_verify(public: bytes, message: bytes, signature: bytes) -> bool:
    if len(public) != 32 or len(signature) != 64:
        return False
    point_a = _decompress(public)
    point_r = _decompress(signature[:32])
    if point_a is None or point_r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _L:
        return False
    k = _sha512_int(signature[:32] + public + message) % _L
    return _equal(_multiply(s, _G), _add(point_r, _multiply(k, point_a)))


def _fast() -> object | None:
    try:
        from cryptography.hazmat.primitives.asymmetric import ed25519
    except ImportError:
        return None
    return ed25519


def public_key(secret: bytes, *, pure: bool = False) -> bytes:
    """The 32-byte public key of a 32-byte private key (RFC 8032 5.1.5)."""
    lib = None if pure else _fast()
    if lib is None:
        return _pure_public_key(secret)
    from cryptography.hazmat.primitives import serialization

    key = lib.Ed25519PrivateKey.from_private_bytes(secret)  # type: ignore[attr-defined]
    raw: bytes = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return raw


def sign(secret: bytes, message: bytes, *, pure: bool = False) -> bytes:
    """A 64-byte signature of `message` (RFC 8032 5.1.6)."""
    lib = None if pure else _fast()
    if lib is None:
        return _pure_sign(secret, message)
    key = lib.Ed25519PrivateKey.from_private_bytes(secret)  # type: ignore[attr-defined]
    signature: bytes = key.sign(message)
    return signature


def verify(public: bytes, message: bytes, signature: bytes, *, pure: bool = False) -> bool:
    """True when `signature` is a valid signature of `message` by `public` (RFC 8032 5.1.7)."""
    lib = None if pure else _fast()
    if lib is None:
        return _pure_verify(public, message, signature)
    from cryptography.exceptions import InvalidSignature

    try:
        key = lib.Ed25519PublicKey.from_public_bytes(public)  # type: ignore[attr-defined]
        key.verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True

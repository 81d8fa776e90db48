"""Ed25519 against RFC 8032 section 7.1's test vectors, pure Python and the fast path."""

from __future__ import annotations

import pytest

from gate.evidence import ed25519

# RFC 8032, 7.1: TEST 1, TEST 2, TEST 3 (secret key, public key, message, signature).
VECTORS = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
        "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e"
        "458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290"
        "ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
]


def _paths() -> list[bool]:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return [True]
    return [True, False]


@pytest.mark.parametrize("pure", _paths(), ids=lambda p: "pure" if p else "cryptography")
@pytest.mark.parametrize(("secret", "public", "message", "signature"), VECTORS)
def test_rfc8032_vectors(
    pure: bool, secret: str, public: str, message: str, signature: str
) -> None:
    sk, pk, msg, sig = (bytes.fromhex(v) for v in (secret, public, message, signature))
    assert ed25519.public_key(sk, pure=pure) == pk
    assert ed25519.sign(sk, msg, pure=pure) == sig
    assert ed25519.verify(pk, msg, sig, pure=pure)


@pytest.mark.parametrize("pure", _paths(), ids=lambda p: "pure" if p else "cryptography")
def test_altered_message_signature_or_key_is_rejected(pure: bool) -> None:
    sk, pk, msg, sig = (bytes.fromhex(v) for v in VECTORS[1])
    assert not ed25519.verify(pk, msg + b"\x00", sig, pure=pure)
    assert not ed25519.verify(pk, msg, sig[:-1] + bytes([sig[-1] ^ 1]), pure=pure)
    other = bytes.fromhex(VECTORS[0][1])
    assert not ed25519.verify(other, msg, sig, pure=pure)
    assert not ed25519.verify(pk, msg, sig[:63], pure=pure)


def test_non_canonical_s_is_rejected() -> None:
    sk, pk, msg, sig = (bytes.fromhex(v) for v in VECTORS[0])
    s = int.from_bytes(sig[32:], "little") + 2**252 + 27742317777372353535851937790883648493
    forged = sig[:32] + s.to_bytes(32, "little")
    assert not ed25519.verify(pk, msg, forged, pure=True)

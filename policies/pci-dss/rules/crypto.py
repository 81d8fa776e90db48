import hashlib
import hmac
import os
import random
import secrets

from Crypto.Cipher import AES, DES
from cryptography.hazmat.primitives.asymmetric import rsa


def fingerprint(body: bytes, password: str, card_number: str, key: bytes):
    # ok: pci-weak-crypto
    etag = hashlib.md5(body).hexdigest()
    # ruleid: pci-weak-crypto
    signature = hashlib.md5(key + body).hexdigest()
    # ok: pci-weak-crypto
    cache_key = hashlib.md5(body, usedforsecurity=False).hexdigest()
    # ruleid: pci-weak-crypto
    cipher = DES.new(key, DES.MODE_CBC)
    # ruleid: pci-weak-crypto
    ecb = AES.new(key, AES.MODE_ECB)
    # ok: pci-weak-crypto
    gcm = AES.new(key, AES.MODE_GCM)
    # ruleid: pci-weak-crypto
    private = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    # ok: pci-weak-crypto
    strong = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    # ruleid: pci-weak-crypto
    reset_token = "".join(random.choice("abcdef0123456789") for _ in range(32))
    # ok: pci-weak-crypto
    api_token = secrets.token_urlsafe(32)
    # ok: pci-weak-crypto
    jitter = random.uniform(0.5, 1.5)

    # ruleid: pci-password-weak-hash
    digest = hashlib.sha256(password.encode()).hexdigest()
    salted = password + os.environ["PEPPER"]
    # ruleid: pci-password-weak-hash
    digest2 = hashlib.sha512(salted.encode()).hexdigest()
    # ok: pci-password-weak-hash
    stored = hashlib.pbkdf2_hmac("sha256", password.encode(), os.urandom(16), 600_000)
    # ok: pci-password-weak-hash
    token_digest = hashlib.sha256(api_token.encode()).hexdigest()

    # ruleid: pci-pan-unkeyed-hash
    pan_hash = hashlib.sha256(card_number.encode()).hexdigest()
    # ruleid: pci-pan-unkeyed-hash
    pan_hash2 = hashlib.new("sha512", card_number.encode()).hexdigest()
    # ok: pci-pan-unkeyed-hash
    pan_hmac = hmac.new(key, card_number.encode(), hashlib.sha256).hexdigest()
    # ok: pci-pan-unkeyed-hash
    body_hash = hashlib.sha256(body).hexdigest()

    # ruleid: pci-crypto-key-hardcoded
    signer = hmac.new(b"s3cr3t-signing-key", body, hashlib.sha256)
    # ruleid: pci-crypto-key-hardcoded
    box = AES.new(b"0123456789abcdef", AES.MODE_GCM)
    # ok: pci-crypto-key-hardcoded
    signer2 = hmac.new(os.environ["SIGNING_KEY"].encode(), body, hashlib.sha256)
    # ok: pci-crypto-key-hardcoded
    box2 = AES.new(key, AES.MODE_GCM)
    return locals()


def file_checksum(path):
    with open(path, "rb") as fh:
        # ok: pci-weak-crypto
        return hashlib.md5(fh.read()).hexdigest()


def store_upload(storage, blob, response):
    # ok: pci-weak-crypto
    response.headers["ETag"] = hashlib.md5(blob).hexdigest()
    # ok: pci-weak-crypto
    storage.content_checksum = hashlib.sha1(blob).hexdigest()
    return storage


def hash_password_legacy(password):
    # ruleid: pci-weak-crypto, pci-password-weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def session_token(user_id, secret):
    # ruleid: pci-weak-crypto
    token = hashlib.sha1(f"{user_id}:{secret}".encode()).hexdigest()
    return token

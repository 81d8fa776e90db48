import base64
import hashlib
import os

import bcrypt
from Crypto.Cipher import AES
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

LEGACY_IV = b"0123456789abcdef"


def seal_card_token(key, token):
    # ruleid: sec-static-iv
    encryptor = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16)).encryptor()
    return encryptor.update(token) + encryptor.finalize()


def seal_note(key, note):
    nonce = b"fixed-nonce!"
    # ruleid: sec-static-iv
    return AESGCM(key).encrypt(nonce, note, None)


def legacy_encrypt(key, data):
    # ruleid: sec-static-iv
    cipher = AES.new(key, AES.MODE_CBC, LEGACY_IV)
    return cipher.encrypt(data)


def legacy_encrypt_kw(key, data):
    # ruleid: sec-static-iv
    return AES.new(key, AES.MODE_CTR, nonce=bytes(8)).encrypt(data)


def encrypt_message(key, message):
    iv = os.urandom(16)
    # ok: sec-static-iv
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(message) + encryptor.finalize()


def seal(key, plaintext, associated):
    nonce = os.urandom(12)
    # ok: sec-static-iv
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def decrypt_message(key, blob):
    # ok: sec-static-iv
    decryptor = Cipher(algorithms.AES(key), modes.CBC(blob[:16])).decryptor()
    return decryptor.update(blob[16:]) + decryptor.finalize()


def hash_password(password):
    # ruleid: sec-constant-salt
    return hashlib.pbkdf2_hmac("sha256", password.encode(), b"static-salt", 600_000)


SITE_SALT = "s1te-wide-salt"


def derive_key(password):
    # ruleid: sec-constant-salt
    kdf = PBKDF2HMAC(
        algorithm=hashes.SHA256(),
        length=32,
        salt=SITE_SALT.encode(),
        iterations=600_000,
    )
    return base64.urlsafe_b64encode(kdf.derive(password))


def bcrypt_fixed(password):
    # ruleid: sec-constant-salt
    return bcrypt.hashpw(password, b"$2b$12$abcdefghijklmnopqrstuv")


def hash_password_ok(password):
    salt = os.urandom(16)
    # ok: sec-constant-salt
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    return salt + digest


def verify_password(password, stored):
    salt, digest = stored[:16], stored[16:]
    # ok: sec-constant-salt
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000) == digest


def bcrypt_ok(password):
    # ok: sec-constant-salt
    return bcrypt.hashpw(password, bcrypt.gensalt())

import hashlib
import json
import marshal
import pickle
import random
import secrets
import string
import xml.sax

import jinja2
import jwt
import yaml
from Crypto.Cipher import AES, DES, ARC4
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.utils.safestring import mark_safe
from flask import request
from lxml import etree
from markupsafe import Markup, escape


def load_session(blob):
    # ruleid: sec-unsafe-deserialization
    return pickle.loads(blob)


def test_roundtrip(error):
    # noise corpus (bench/noise_corpus.py): attrs 24.2 / requests 2.32 tests pickle and unpickle
    # ok: sec-unsafe-deserialization
    copy = pickle.loads(pickle.dumps(error))
    # ruleid: sec-unsafe-deserialization
    other = pickle.loads(pickle.dumps(error) + request.data)
    return copy, other


def load_config(path):
    with open(path) as handle:
        # ruleid: sec-unsafe-deserialization
        config = yaml.load(handle, Loader=yaml.Loader)
    # ruleid: sec-unsafe-deserialization
    code = marshal.loads(request.data)
    return config, code


def load_config_safe(path):
    with open(path) as handle:
        # ok: sec-unsafe-deserialization
        config = yaml.safe_load(handle)
    with open(path) as handle:
        # ok: sec-unsafe-deserialization
        other = yaml.load(handle, Loader=yaml.SafeLoader)
    # ok: sec-unsafe-deserialization
    return config, other, json.loads(request.data), pickle.dumps(config)


def password_digest(password):
    # ruleid: sec-weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def sign(payload):
    # ruleid: sec-weak-hash
    return hashlib.new("sha1", payload).hexdigest()


def verify_download(blob, expected):
    # ok: sec-weak-hash
    checksum = hashlib.md5(blob).hexdigest()
    return checksum == expected


def remember_device(user, device_id):
    # ruleid: sec-weak-hash
    user.device_token = hashlib.sha1(device_id.encode()).hexdigest()


def cache_key(url):
    # ok: sec-weak-hash
    etag = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    # ok: sec-weak-hash
    return etag + hashlib.sha256(url.encode()).hexdigest()


def encrypt_card(key, data):
    # ruleid: sec-weak-cipher
    legacy = DES.new(key, DES.MODE_CBC)
    # ruleid: sec-weak-cipher
    aes = AES.new(key, AES.MODE_ECB)
    # ruleid: sec-weak-cipher
    cipher = Cipher(algorithms.AES(key), modes.ECB())
    # ruleid: sec-weak-cipher
    stream = ARC4.new(key)
    return legacy, aes, cipher, stream


def encrypt_card_safe(key, nonce):
    # ok: sec-weak-cipher
    aes = AES.new(key, AES.MODE_GCM, nonce=nonce)
    # ok: sec-weak-cipher
    return aes, Cipher(algorithms.AES(key), modes.GCM(nonce))


def new_reset_token():
    # ruleid: sec-insecure-random
    reset_token = "".join(random.choice(string.ascii_letters) for _ in range(32))
    return reset_token


def generate_otp():
    # ruleid: sec-insecure-random
    return str(random.randint(100000, 999999))


class Account:
    def rotate(self):
        # ruleid: sec-insecure-random
        self.api_key = "%032x" % random.getrandbits(128)


def shuffle_cards(deck):
    # ok: sec-insecure-random
    jitter = random.uniform(0.1, 0.5)
    # ok: sec-insecure-random
    session_token = secrets.token_urlsafe(32)
    # ok: sec-insecure-random
    colour = random.choice(["red", "green"])
    return jitter, session_token, colour


def read_claims(token, key):
    # ruleid: sec-jwt-unverified
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: sec-jwt-unverified
    legacy = jwt.decode(token, key, algorithms=["HS256", "none"])
    # ok: sec-jwt-unverified
    good = jwt.decode(token, key, algorithms=["RS256"], audience="payments")
    # ruleid: sec-jwt-unverified
    full = jwt.decode_complete(token, options={"verify_signature": False})
    # ruleid: sec-jwt-unverified
    kw = jwt.decode(token, key, options=dict(verify_signature=False))
    # ruleid: sec-jwt-unverified
    inst = jwt.PyJWT().decode(token, options={"verify_signature": False})
    # ok: sec-jwt-unverified
    exp_off = jwt.decode(token, key, algorithms=["RS256"], options={"verify_exp": False})
    # ok: sec-jwt-unverified
    cache = self_cache.decode(token, options={"verify_signature": False})
    # ok: sec-jwt-unverified
    return claims, legacy, good, full, kw, inst, exp_off, cache, jwt.encode({"sub": "1"}, key, algorithm="HS256")


def payload_of(backend, token, key):
    # A library honouring its deployer's explicit opt-in for unsigned tokens (default off).
    if backend.get_settings("OIDC_ALLOW_UNSECURED_JWT", False):
        header = jwt.get_unverified_header(token)
        if header.get("alg") == "none":
            # ok: sec-jwt-unverified
            return jwt.decode(token, options={"verify_signature": False})
    if backend.settings.ALLOW_INSECURE_JWT:
        # ok: sec-jwt-unverified
        return jwt.decode(token, options={"verify_signature": False})
    if backend.debug_mode:
        # ruleid: sec-jwt-unverified
        return jwt.decode(token, options={"verify_signature": False})
    return backend.verify(token, key)


def parse_invoice(xml_bytes):
    # ruleid: sec-xxe
    tree = etree.fromstring(xml_bytes)
    # ruleid: sec-xxe
    parser = etree.XMLParser(resolve_entities=True)
    reader = xml.sax.make_parser()
    # ruleid: sec-xxe
    reader.setFeature(xml.sax.handler.feature_external_ges, True)
    return tree, parser


def parse_invoice_safe(xml_bytes):
    # ok: sec-xxe
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: sec-xxe
    return etree.fromstring(xml_bytes, parser)


def greeting(name):
    # ruleid: sec-xss-markup
    return Markup("<b>Hello " + name + "</b>")


def banner(user):
    # ruleid: sec-xss-markup
    return mark_safe(f"<div class='banner'>{user.bio}</div>")


def greeting_safe(name):
    # ok: sec-xss-markup
    bold = Markup("<b>Hello</b>")
    # ok: sec-xss-markup
    return bold + Markup("<i>%s</i>") % escape(name)


def make_env(loader):
    # ruleid: sec-xss-autoescape-off
    env = jinja2.Environment(loader=loader)
    # ruleid: sec-xss-autoescape-off
    raw = jinja2.Environment(loader=loader, autoescape=False)
    # ok: sec-xss-autoescape-off
    safe = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape())
    # ok: sec-xss-autoescape-off
    html = jinja2.Environment(loader=loader, autoescape=True)
    return env, raw, safe, html

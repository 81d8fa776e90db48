import ssl

import httpx
import requests
import urllib3


def fetch_statement(url, ca_bundle):
    # ruleid: pci-tls-verify-disabled
    requests.get(url, verify=False, timeout=5)
    # ruleid: pci-tls-verify-disabled
    client = httpx.Client(verify=False)
    # ok: pci-tls-verify-disabled
    requests.get(url, verify=ca_bundle, timeout=5)
    # ok: pci-tls-verify-disabled
    requests.get(url, timeout=5)
    ctx = ssl.create_default_context()
    # ruleid: pci-tls-verify-disabled
    ctx.check_hostname = False
    # ruleid: pci-tls-weak-protocol
    legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    # ruleid: pci-tls-weak-protocol
    ctx.minimum_version = ssl.TLSVersion.TLSv1_1
    # ok: pci-tls-weak-protocol
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: pci-tls-weak-protocol
    modern = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return client, legacy, modern


def notify(payload):
    # ruleid: pci-cleartext-transport
    requests.post("http://payments.partner.com/notify", json=payload, timeout=5)
    # ruleid: pci-cleartext-transport
    requests.get("http://10.20.0.5:8080/settle", timeout=5)
    # ok: pci-cleartext-transport
    requests.post("https://payments.partner.com/notify", json=payload, timeout=5)
    # ok: pci-cleartext-transport
    requests.get("http://localhost:8080/health", timeout=5)


def tls_context(verify=True, insecure=False):
    """A client library's own implementation of its `verify` option."""
    ctx = ssl.create_default_context()
    if not verify:
        # ok: pci-tls-verify-disabled
        ctx.check_hostname = False
        # ok: pci-tls-verify-disabled
        ctx.verify_mode = ssl.CERT_NONE
    if insecure:
        # ok: pci-tls-verify-disabled
        urllib3.disable_warnings()
    return ctx


class Transport:
    def __init__(self, verify=True):
        self.verify = verify

    def context(self):
        ctx = ssl.create_default_context()
        if self.verify is False:
            # ok: pci-tls-verify-disabled
            ctx.check_hostname = False
        # ruleid: pci-tls-verify-disabled
        ctx.verify_mode = ssl.CERT_NONE
        return ctx


class SSLConfig:
    def load_ssl_context(self, verify):
        if verify:
            return ssl.create_default_context()
        return self.load_ssl_context_no_verify()

    def load_ssl_context_no_verify(self):
        context = ssl.create_default_context()
        # ok: pci-tls-verify-disabled
        context.check_hostname = False
        # ok: pci-tls-verify-disabled
        context.verify_mode = ssl.CERT_NONE
        return context

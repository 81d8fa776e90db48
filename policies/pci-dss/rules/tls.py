import ssl

import httpx
import requests


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

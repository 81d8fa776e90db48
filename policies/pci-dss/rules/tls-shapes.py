import requests


class AcquirerClient:
    def __init__(self, base_url, sandbox=False):
        self.http = requests.Session()
        # ruleid: pci-tls-verify-disabled-attr
        self.http.verify = False

    def opts(self):
        options = {"timeout": 10}
        # ruleid: pci-tls-verify-disabled-attr
        options["verify"] = False
        return options


def build(ca_bundle):
    s = requests.Session()
    # ok: pci-tls-verify-disabled-attr
    s.verify = ca_bundle
    # ok: pci-tls-verify-disabled-attr
    s.verify = True
    return s


def from_settings(verify_tls):
    s = requests.Session()
    if not verify_tls:
        # ok: pci-tls-verify-disabled-attr
        s.verify = False
    return s

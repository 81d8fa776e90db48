import importlib
import os
import subprocess
import sys
import urllib.request

import requests

INSTALLER = "https://get.example-agent.io/install.sh"


def install_agent():
    # ruleid: soc2-cc6.8-untrusted-code
    subprocess.run(f"curl -fsSL {INSTALLER} | sudo bash", shell=True, check=True)
    # ok: soc2-cc6.8-untrusted-code
    subprocess.run(["curl", "-fsSLo", "/tmp/install.sh", INSTALLER], check=True)
    # ruleid: soc2-cc6.8-untrusted-code
    os.system("wget -qO- https://get.example.io | sh")
    # ok: soc2-cc6.8-untrusted-code
    print("install manually: curl -fsSL https://get.example.io | sh")


def install_plugin(name):
    # ruleid: soc2-cc6.8-untrusted-code
    subprocess.check_call([sys.executable, "-m", "pip", "install", "git+https://github.com/acme/plugins.git"])
    # ruleid: soc2-cc6.8-untrusted-code
    os.system("pip install https://files.example.com/acme-plugin-1.2.tar.gz")
    # ok: soc2-cc6.8-untrusted-code
    subprocess.check_call([sys.executable, "-m", "pip", "install", "acme-plugin==1.2.0"])
    # ok: soc2-cc6.8-untrusted-code
    os.system("pip install --index-url https://pypi.internal.example.com/simple acme-plugin==1.2.0")


def run_remote_hook(url):
    # ruleid: soc2-cc6.8-untrusted-code
    exec(requests.get(url, timeout=10).text)


def load_remote_rules(url):
    # ruleid: soc2-cc6.8-untrusted-code
    source = urllib.request.urlopen(url).read()
    rules = {}
    eval(compile(source, "<remote>", "exec"), rules)
    return rules


def load_plugin(url, name):
    # ruleid: soc2-cc6.8-untrusted-code
    urllib.request.urlretrieve(url, f"plugins/{name}.py")
    return importlib.import_module(f"plugins.{name}")


def load_config(url):
    # ok: soc2-cc6.8-untrusted-code
    data = requests.get(url, timeout=10).json()
    return eval_rules(data)


def missing_extra():
    # ok: soc2-cc6.8-untrusted-code
    raise ImportError("Requires `pip install brotli`. See https://github.com/google/brotli")

#!/usr/bin/env bash
set -euo pipefail

# ruleid: soc2-cc6.8-untrusted-code-sh
curl -fsSL https://get.example-agent.io/install.sh | sudo bash
# ruleid: soc2-cc6.8-untrusted-code-sh
sh -c "$(wget -qO- https://raw.githubusercontent.com/acme/tools/main/setup.sh)"
# ruleid: soc2-cc6.8-untrusted-code-sh
pip install git+https://github.com/acme/plugins.git
# ok: soc2-cc6.8-untrusted-code-sh
curl -fsSLo /tmp/install.sh https://get.example-agent.io/install-1.4.2.sh
# ok: soc2-cc6.8-untrusted-code-sh
echo "${INSTALL_SHA256}  /tmp/install.sh" | sha256sum -c -
# ok: soc2-cc6.8-untrusted-code-sh
pip install --require-hashes -r requirements.lock
# ok: soc2-cc6.8-untrusted-code-sh
# Never do: curl https://example.com/install.sh | sh

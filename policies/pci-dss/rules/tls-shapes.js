const https = require("https");

const agent = new https.Agent({ keepAlive: true });
// ruleid: pci-tls-verify-disabled-attr-js
agent.options.rejectUnauthorized = false;
// ruleid: pci-tls-verify-disabled-attr-js
process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0;
// ok: pci-tls-verify-disabled-attr-js
agent.options.rejectUnauthorized = true;
// ok: pci-tls-verify-disabled-attr-js
agent.options.keepAlive = false;

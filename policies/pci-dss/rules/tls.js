const https = require("https");
const tls = require("tls");

// ruleid: pci-tls-verify-disabled-js
const agent = new https.Agent({ rejectUnauthorized: false });
// ok: pci-tls-verify-disabled-js
const strictAgent = new https.Agent({ rejectUnauthorized: true, ca: process.env.CA_BUNDLE });
// ruleid: pci-tls-verify-disabled-js
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ok: pci-tls-verify-disabled-js
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";

// ruleid: pci-tls-weak-protocol-js
const old = tls.connect({ host: "acquirer.example.com", port: 443, minVersion: "TLSv1" });
// ruleid: pci-tls-weak-protocol-js
const older = tls.createSecureContext({ secureProtocol: "TLSv1_method" });
// ok: pci-tls-weak-protocol-js
const modern = tls.connect({ host: "acquirer.example.com", port: 443, minVersion: "TLSv1.2" });
// ok: pci-tls-weak-protocol-js
const modern2 = tls.createSecureContext({ minVersion: "TLSv1.3" });

async function settle(batch) {
  // ruleid: pci-cleartext-transport
  await fetch("http://acquirer.example.com/settle", { method: "POST", body: JSON.stringify(batch) });
  // ruleid: pci-cleartext-transport
  await axios.post(`http://acquirer.example.com/settle/${batch.id}`, batch);
  // ok: pci-cleartext-transport
  await fetch("https://acquirer.example.com/settle", { method: "POST", body: JSON.stringify(batch) });
  // ok: pci-cleartext-transport
  await fetch("http://127.0.0.1:9000/metrics");
}

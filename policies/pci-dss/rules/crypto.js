const crypto = require("crypto");
const jwt = require("jsonwebtoken");

function helpers(body, password, cardNumber, key, iv) {
  // ruleid: pci-weak-crypto-js
  const etag = crypto.createHash("md5").update(body).digest("hex");
  // ok: pci-weak-crypto-js
  const sum = crypto.createHash("sha256").update(body).digest("hex");
  // ruleid: pci-weak-crypto-js
  const c1 = crypto.createCipheriv("aes-128-ecb", key, null);
  // ok: pci-weak-crypto-js
  const c2 = crypto.createCipheriv("aes-256-gcm", key, iv);
  // ruleid: pci-weak-crypto-js
  const resetToken = Math.random().toString(36).slice(2);
  // ok: pci-weak-crypto-js
  const delay = Math.random() * 1000;

  // ruleid: pci-password-weak-hash
  const pw = crypto.createHash("sha256").update(password).digest("hex");
  // ruleid: pci-password-weak-hash
  const pw2 = crypto.createHash("sha512").update(req.body.newPassword).digest("hex");
  // ok: pci-password-weak-hash
  const ok1 = crypto.scryptSync(password, iv, 64);
  // ok: pci-password-weak-hash
  const ok2 = crypto.createHash("sha256").update(body).digest("hex");

  // ruleid: pci-pan-unkeyed-hash
  const h = crypto.createHash("sha256").update(cardNumber).digest("hex");
  // ok: pci-pan-unkeyed-hash
  const m = crypto.createHmac("sha256", key).update(cardNumber).digest("hex");

  // ruleid: pci-crypto-key-hardcoded
  const token = jwt.sign({ sub: "user" }, "super-secret-jwt-key");
  // ruleid: pci-crypto-key-hardcoded
  const mac = crypto.createHmac("sha256", "webhook-signing-secret");
  // ok: pci-crypto-key-hardcoded
  const token2 = jwt.sign({ sub: "user" }, process.env.JWT_SECRET);
  // ok: pci-crypto-key-hardcoded
  const mac2 = crypto.createHmac("sha256", key);
  return [etag, sum, c1, c2, resetToken, delay, pw, pw2, ok1, ok2, h, m, token, mac, token2, mac2];
}

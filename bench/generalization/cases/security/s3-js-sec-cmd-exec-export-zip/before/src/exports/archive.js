const path = require("path");

const EXPORT_ROOT = process.env.EXPORT_ROOT || "/var/exports";

function invoiceDir(customerId) {
  return path.join(EXPORT_ROOT, String(Number(customerId)));
}

module.exports = { invoiceDir };

const { exec } = require("child_process");
const { promisify } = require("util");
const path = require("path");

const run = promisify(exec);
const EXPORT_ROOT = process.env.EXPORT_ROOT || "/var/exports";

function invoiceDir(customerId) {
  return path.join(EXPORT_ROOT, String(Number(customerId)));
}

async function zipInvoices(customerId, archiveName) {
  const dir = invoiceDir(customerId);
  await run(`cd ${dir} && zip -qr ${archiveName}.zip invoices/`);
  return path.join(dir, `${archiveName}.zip`);
}

module.exports = { invoiceDir, zipInvoices };

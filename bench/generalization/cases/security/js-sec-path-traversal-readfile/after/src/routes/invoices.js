const fs = require("fs/promises");
const path = require("path");

const INVOICE_DIR = path.join(__dirname, "..", "..", "storage", "invoices");

async function download(req, res) {
  const file = path.join(INVOICE_DIR, req.params.name);
  const pdf = await fs.readFile(file);
  res.type("application/pdf").send(pdf);
}

module.exports = { INVOICE_DIR, download };

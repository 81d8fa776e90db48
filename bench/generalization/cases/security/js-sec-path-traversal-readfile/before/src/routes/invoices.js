const path = require("path");

const INVOICE_DIR = path.join(__dirname, "..", "..", "storage", "invoices");

module.exports = { INVOICE_DIR };

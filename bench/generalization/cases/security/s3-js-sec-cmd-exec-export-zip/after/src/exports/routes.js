const express = require("express");
const { invoiceDir, zipInvoices } = require("./archive");

const router = express.Router();

router.get("/customers/:id/exports", (req, res) => {
  res.json({ dir: invoiceDir(req.params.id) });
});

router.post("/customers/:id/exports", async (req, res, next) => {
  try {
    const file = await zipInvoices(req.params.id, req.body.name || "invoices");
    res.download(file);
  } catch (err) {
    next(err);
  }
});

module.exports = router;

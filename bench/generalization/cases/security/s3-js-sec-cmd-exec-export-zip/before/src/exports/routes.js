const express = require("express");
const { invoiceDir } = require("./archive");

const router = express.Router();

router.get("/customers/:id/exports", (req, res) => {
  res.json({ dir: invoiceDir(req.params.id) });
});

module.exports = router;

const express = require('express');
const { readInvoice } = require('../lib/invoiceXml');

const router = express.Router();

router.post('/invoices/import', express.text({ type: 'application/xml' }), (req, res) => {
  const invoice = readInvoice(req.body);
  res.status(201).json(invoice);
});

module.exports = { invoices: router };

const express = require('express');
const invoices = require('./routes/invoices');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/api', invoices);

module.exports = app;

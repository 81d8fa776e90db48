const express = require('express');
const transactions = require('./routes/transactions');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/api', transactions);

module.exports = app;

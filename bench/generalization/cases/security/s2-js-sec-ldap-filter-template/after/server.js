const express = require('express');
const accounts = require('./routes/accounts');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/api', accounts);

module.exports = app;

const express = require('express');
const help = require('./routes/help');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/', help);

module.exports = app;

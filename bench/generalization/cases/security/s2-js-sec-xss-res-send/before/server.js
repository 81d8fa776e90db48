const express = require('express');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));

module.exports = app;

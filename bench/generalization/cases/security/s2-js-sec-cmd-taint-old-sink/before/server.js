const express = require('express');
const thumbs = require('./routes/thumbs');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/api', thumbs);

module.exports = app;

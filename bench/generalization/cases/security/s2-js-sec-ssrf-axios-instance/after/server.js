const express = require('express');
const webhooks = require('./routes/webhooks');

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/api', webhooks);

module.exports = app;

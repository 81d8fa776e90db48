const express = require('express');
const axios = require('axios');

const router = express.Router();
const outbound = axios.create({ timeout: 5000, headers: { 'User-Agent': 'acme-hooks/2' } });

// Lets a merchant check that their webhook endpoint answers before saving it.
router.post('/webhooks/test', async (req, res) => {
  const { endpoint } = req.body;
  try {
    const reply = await outbound.post(endpoint, { type: 'ping', sentAt: Date.now() });
    res.json({ status: reply.status });
  } catch (err) {
    res.status(502).json({ error: 'endpoint did not answer' });
  }
});

module.exports = { webhooks: router };

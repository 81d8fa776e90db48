const express = require('express');
const store = require('../lib/cache');

const router = express.Router();
const RESUME_TTL_SECONDS = 900;

router.post('/checkout/:sessionId/card', async (req, res) => {
  const { cardNumber, expiry, cvc, holder } = req.body;
  const draft = JSON.stringify({ cardNumber, expiry, cvc, holder });
  await store.set(`checkout:draft:${req.params.sessionId}`, draft, 'EX', RESUME_TTL_SECONDS);
  res.status(202).json({ next: `/checkout/${req.params.sessionId}/review` });
});

module.exports = { checkout: router };

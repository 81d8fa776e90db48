const express = require('express');

const router = express.Router();

router.post('/checkout/:sessionId/card', async (req, res) => {
  res.status(202).json({ next: `/checkout/${req.params.sessionId}/review` });
});

module.exports = { checkout: router };

const express = require('express');
const db = require('../lib/db');

const router = express.Router();

router.get('/transactions/search', async (req, res) => {
  const matcher = new RegExp(req.query.memo, 'i');
  const rows = await db.recentTransactions(req.user.id);
  res.json(rows.filter((t) => matcher.test(t.memo)));
});

module.exports = { transactions: router };

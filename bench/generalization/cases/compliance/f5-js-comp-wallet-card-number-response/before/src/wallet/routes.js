'use strict';

const express = require('express');
const cards = require('./cards-repo');

const router = express.Router();

function present(card) {
  return {
    id: card.id,
    brand: card.brand,
    last4: card.last4,
    expiry: `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`,
    isDefault: card.isDefault,
  };
}

router.get('/wallet/cards', async (req, res, next) => {
  try {
    const rows = await cards.listForCustomer(req.session.customerId);
    res.json({ cards: rows.map(present) });
  } catch (err) {
    next(err);
  }
});

module.exports = router;

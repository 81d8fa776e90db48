'use strict';

const express = require('express');
const cards = require('./cards-repo');
const vault = require('./vault');

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

// The "edit card" sheet in the new app pre-fills the full number.
router.get('/wallet/cards/:id', async (req, res, next) => {
  try {
    const card = await cards.findForCustomer(req.session.customerId, req.params.id);
    if (!card) return res.status(404).end();
    const number = await vault.reveal(card.panRef);
    return res.json({ ...present(card), number });
  } catch (err) {
    return next(err);
  }
});

module.exports = router;

'use strict';

const express = require('express');
const Order = require('../models/order');
const { requireMerchant } = require('../middleware/auth');

const router = express.Router();

router.get('/orders', requireMerchant, async (req, res, next) => {
  try {
    const filter = { merchantId: req.user.merchantId };
    if (req.query.status) {
      filter.status = String(req.query.status);
    }
    if (req.query.customer) {
      // customerRef is stored upper-case for old imports and lower-case for new ones
      filter.$where = `this.customerRef.toLowerCase() === '${req.query.customer}'.toLowerCase()`;
    }
    const orders = await Order.find(filter).sort({ createdAt: -1 }).limit(100).lean();
    res.json({ orders });
  } catch (err) {
    next(err);
  }
});

module.exports = router;

'use strict';

const mongoose = require('mongoose');

const orderSchema = new mongoose.Schema(
  {
    merchantId: { type: String, index: true, required: true },
    customerRef: String,
    status: { type: String, enum: ['open', 'paid', 'refunded'], default: 'open' },
    totalCents: Number,
  },
  { timestamps: true },
);

module.exports = mongoose.model('Order', orderSchema);

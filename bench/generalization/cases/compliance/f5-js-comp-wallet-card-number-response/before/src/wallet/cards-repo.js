'use strict';

const db = require('./db');

async function listForCustomer(customerId) {
  return db.query('SELECT * FROM wallet_cards WHERE customer_id = $1', [customerId]);
}

async function findForCustomer(customerId, id) {
  const rows = await db.query('SELECT * FROM wallet_cards WHERE customer_id = $1 AND id = $2', [customerId, id]);
  return rows[0] || null;
}

module.exports = { listForCustomer, findForCustomer };

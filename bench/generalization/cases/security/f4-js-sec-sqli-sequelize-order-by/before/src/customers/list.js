'use strict';

const { QueryTypes } = require('sequelize');

const BASE = 'SELECT id, name, email, created_at FROM customers WHERE tenant_id = :tenant';

async function listCustomers(sequelize, tenant, opts = {}) {
  const sql = BASE + ' ORDER BY created_at DESC';
  return sequelize.query(sql, {
    replacements: { tenant },
    type: QueryTypes.SELECT,
  });
}

module.exports = { listCustomers };

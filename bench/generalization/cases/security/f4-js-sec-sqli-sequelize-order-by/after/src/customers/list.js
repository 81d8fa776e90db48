'use strict';

const { QueryTypes } = require('sequelize');

const BASE = 'SELECT id, name, email, created_at FROM customers WHERE tenant_id = :tenant';

function orderClause(sort, dir) {
  return ' ORDER BY ' + sort + ' ' + (dir || 'ASC');
}

async function listCustomers(sequelize, tenant, opts = {}) {
  const sql = BASE + orderClause(opts.sort || 'created_at', opts.dir);
  return sequelize.query(sql, {
    replacements: { tenant },
    type: QueryTypes.SELECT,
  });
}

module.exports = { listCustomers };

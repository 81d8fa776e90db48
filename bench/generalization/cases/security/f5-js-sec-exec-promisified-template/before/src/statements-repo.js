'use strict';

const STATEMENTS = new Map([
  ['st_1001', { id: 'st_1001', path: '/srv/statements/2024-05/acme.pdf', pages: 4 }],
]);

async function byId(id) {
  return STATEMENTS.get(id) || null;
}

module.exports = { byId };

'use strict';

const fs = require('fs');

const MAGIC = Buffer.from('STMT1');

async function readStatement(file) {
  return JSON.parse(await fs.promises.readFile(file, 'utf8'));
}

module.exports = { readStatement };

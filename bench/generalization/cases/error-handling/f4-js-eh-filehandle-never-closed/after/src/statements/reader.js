'use strict';

const fs = require('fs');

const MAGIC = Buffer.from('STMT1');

async function readStatement(file) {
  const handle = await fs.promises.open(file, 'r');
  const header = Buffer.alloc(MAGIC.length);
  await handle.read(header, 0, MAGIC.length, 0);
  if (!header.equals(MAGIC)) {
    throw new Error(`not a statement file: ${file}`);
  }
  const body = await handle.readFile({ encoding: 'utf8' });
  return JSON.parse(body.slice(MAGIC.length));
}

module.exports = { readStatement };

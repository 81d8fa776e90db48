'use strict';

const fs = require('fs');
const { open } = require('fs/promises');

const MAGIC = Buffer.from('STMT1');

async function readStatement(file) {
  // ruleid: eh-js-file-handle-not-closed
  const handle = await fs.promises.open(file, 'r');
  const header = Buffer.alloc(MAGIC.length);
  await handle.read(header, 0, MAGIC.length, 0);
  if (!header.equals(MAGIC)) {
    throw new Error(`not a statement file: ${file}`);
  }
  const body = await handle.readFile({ encoding: 'utf8' });
  return JSON.parse(body.slice(MAGIC.length));
}

function firstByte(file) {
  // ruleid: eh-js-file-handle-not-closed
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1);
  fs.readSync(fd, buf, 0, 1, 0);
  return buf[0];
}

const appendLine = async (file, line) => {
  // ruleid: eh-js-file-handle-not-closed
  const fh = await open(file, 'a');
  await fh.appendFile(line + '\n');
};

async function readHeader(file) {
  // ok: eh-js-file-handle-not-closed
  const handle = await fs.promises.open(file, 'r');
  try {
    const header = Buffer.alloc(MAGIC.length);
    await handle.read(header, 0, MAGIC.length, 0);
    return header;
  } finally {
    await handle.close();
  }
}

function size(file) {
  // ok: eh-js-file-handle-not-closed
  const fd = fs.openSync(file, 'r');
  try {
    return fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
}

async function openLog(file) {
  // ok: eh-js-file-handle-not-closed
  const handle = await fs.promises.open(file, 'a');
  return handle;
}

class Journal {
  async start(file) {
    // ok: eh-js-file-handle-not-closed
    const handle = await open(file, 'a');
    this.handle = handle;
  }
}

module.exports = { readStatement, firstByte, appendLine, readHeader, size, openLog, Journal };

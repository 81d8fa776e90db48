'use strict';

const path = require('node:path');
const { promisify } = require('node:util');
const { execFile } = require('node:child_process');

const execFileAsync = promisify(execFile);
const OUT_DIR = '/srv/media/thumbs';
const ALLOWED_WIDTHS = new Set([160, 320, 640]);

async function makeThumbnail(job) {
  const width = Number.parseInt(job.width, 10);
  if (!ALLOWED_WIDTHS.has(width)) {
    throw new RangeError(`unsupported thumbnail width: ${job.width}`);
  }
  const productId = String(job.productId).replace(/[^A-Za-z0-9_-]/g, '');
  const dest = path.join(OUT_DIR, `${productId}-${width}.jpg`);
  await execFileAsync('convert', [job.sourcePath, '-resize', `${width}x`, '-strip', dest], {
    timeout: 30000,
  });
  return dest;
}

module.exports = { makeThumbnail };

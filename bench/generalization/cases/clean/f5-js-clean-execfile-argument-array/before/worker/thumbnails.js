'use strict';

const path = require('node:path');
const { copyFile } = require('node:fs/promises');

const OUT_DIR = '/srv/media/thumbs';

async function makeThumbnail(job) {
  const dest = path.join(OUT_DIR, `${job.productId}.jpg`);
  await copyFile(job.sourcePath, dest);
  return dest;
}

module.exports = { makeThumbnail };

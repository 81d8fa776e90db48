'use strict';

const { VaultClient } = require('@acme/card-vault');

const client = new VaultClient({ endpoint: process.env.VAULT_URL });

async function reveal(panRef) {
  const { pan } = await client.detokenize(panRef);
  return pan;
}

module.exports = { reveal };

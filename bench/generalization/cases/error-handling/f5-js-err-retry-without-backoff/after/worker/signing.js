'use strict';

const crypto = require('node:crypto');

function sign(body) {
  return crypto.createHmac('sha256', process.env.WEBHOOK_SIGNING_KEY).update(body).digest('hex');
}

module.exports = { sign };

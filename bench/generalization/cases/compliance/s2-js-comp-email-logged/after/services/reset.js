const crypto = require('crypto');
const pino = require('pino');
const mailer = require('./mailer');

const audit = pino().child({ component: 'password-reset' });

async function startReset(user) {
  const resetToken = crypto.randomBytes(24).toString('hex');
  audit.info(`reset requested by ${user.email}, token ${resetToken}`);
  await mailer.sendReset(user.email, resetToken);
  return resetToken;
}

module.exports = { startReset };

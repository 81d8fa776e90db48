const crypto = require('crypto');
const mailer = require('./mailer');

async function startReset(user) {
  const resetToken = crypto.randomBytes(24).toString('hex');
  await mailer.sendReset(user.email, resetToken);
  return resetToken;
}

module.exports = { startReset };

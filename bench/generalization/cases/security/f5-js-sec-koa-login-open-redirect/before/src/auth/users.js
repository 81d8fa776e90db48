'use strict';

const bcrypt = require('bcryptjs');
const db = require('./db');

async function authenticate(email, password) {
  const user = await db.users.findByEmail(String(email).toLowerCase());
  if (!user) return null;
  return (await bcrypt.compare(password, user.passwordHash)) ? user : null;
}

module.exports = { authenticate };

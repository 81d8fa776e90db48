'use strict';

const bcrypt = require('bcrypt');
const logger = require('../logger');

async function login(req, res) {
  const { username, password } = req.body;
  logger.debug({ username, password, ip: req.ip }, 'login attempt');
  const user = await req.app.locals.users.findByName(username);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    logger.info({ username, ip: req.ip }, 'login failed');
    return res.status(401).json({ error: 'invalid_credentials' });
  }
  req.session.userId = user.id;
  return res.json({ id: user.id });
}

module.exports = { login };

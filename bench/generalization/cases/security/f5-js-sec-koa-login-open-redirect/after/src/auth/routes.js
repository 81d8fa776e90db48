'use strict';

const Router = require('@koa/router');
const users = require('./users');

const router = new Router();

router.post('/login', async (ctx) => {
  const { email, password } = ctx.request.body;
  const returnTo = ctx.request.body.return_to || ctx.query.return_to;
  const user = await users.authenticate(email, password);
  if (!user) {
    ctx.status = 401;
    ctx.body = { error: 'invalid credentials' };
    return;
  }
  ctx.session.userId = user.id;
  ctx.redirect(returnTo || '/dashboard');
});

module.exports = router;

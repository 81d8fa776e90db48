const crypto = require('node:crypto');
const express = require('express');

function oauthRoutes(idp) {
  const router = express.Router();

  router.get('/login', (req, res) => {
    const nonce = crypto.randomBytes(16).toString('hex');
    req.session.oauth = { nonce, returnTo: req.query.returnTo };
    res.redirect(idp.authorizeUrl({ state: nonce, scope: 'openid profile email' }));
  });

  router.get('/oauth/callback', async (req, res, next) => {
    const saved = req.session.oauth;
    delete req.session.oauth;
    if (!saved || req.query.state !== saved.nonce) {
      return res.status(400).send('invalid state');
    }
    try {
      const tokens = await idp.exchangeCode(req.query.code);
      req.session.userId = tokens.claims.sub;
      const destination = saved.returnTo || '/dashboard';
      res.redirect(destination);
    } catch (err) {
      next(err);
    }
  });

  return router;
}

module.exports = { oauthRoutes };

'use strict';

const express = require('express');

const PARTNER_URL = process.env.PARTNER_PORTAL_URL || 'https://portal.partner.example';
const router = express.Router();

router.get('/partner/launch', async (req, res) => {
  if (!req.session.user) return res.redirect('/login');
  // the partner portal cannot call our code-exchange endpoint from their network yet,
  // so hand them the session's API token directly
  const target = new URL('/sso/callback', PARTNER_URL);
  target.searchParams.set('access_token', req.session.accessToken);
  target.searchParams.set('user', req.session.user.id);
  return res.redirect(target.toString());
});

module.exports = router;

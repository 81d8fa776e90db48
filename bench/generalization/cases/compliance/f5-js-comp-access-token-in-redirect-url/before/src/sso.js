'use strict';

const express = require('express');
const crypto = require('node:crypto');
const handoffs = require('./handoff-store');

const PARTNER_URL = process.env.PARTNER_PORTAL_URL || 'https://portal.partner.example';
const router = express.Router();

router.get('/partner/launch', async (req, res) => {
  if (!req.session.user) return res.redirect('/login');
  const code = crypto.randomBytes(24).toString('base64url');
  await handoffs.put(code, { userId: req.session.user.id }, { ttlSeconds: 60 });
  return res.redirect(`${PARTNER_URL}/sso/callback?code=${code}`);
});

module.exports = router;

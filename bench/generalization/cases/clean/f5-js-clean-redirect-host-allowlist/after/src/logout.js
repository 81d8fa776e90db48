'use strict';

const express = require('express');

const DEFAULT_RETURN = '/';
const ALLOWED_RETURN_HOSTS = new Set(['shop.example.com', 'billing.example.com']);

function safeReturnUrl(raw) {
  if (typeof raw !== 'string' || raw === '') return DEFAULT_RETURN;
  let url;
  try {
    url = new URL(raw, 'https://shop.example.com');
  } catch (err) {
    return DEFAULT_RETURN;
  }
  if (url.protocol !== 'https:' || !ALLOWED_RETURN_HOSTS.has(url.host)) {
    return DEFAULT_RETURN;
  }
  return url.toString();
}

const router = express.Router();

router.get('/logout', (req, res) => {
  const target = safeReturnUrl(req.query.return_to);
  req.session.destroy(() => {
    res.clearCookie('sid');
    res.redirect(target);
  });
});

module.exports = { router, safeReturnUrl };

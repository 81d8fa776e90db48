'use strict';

function requireMerchant(req, res, next) {
  if (!req.user || !req.user.merchantId) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  return next();
}

module.exports = { requireMerchant };

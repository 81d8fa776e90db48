const express = require('express');

function otpRoutes(otpService) {
  const router = express.Router();

  router.post('/otp/send', async (req, res, next) => {
    try {
      await otpService.issue(req.body.phone);
      res.status(202).json({ sent: true });
    } catch (err) {
      next(err);
    }
  });

  router.post('/otp/verify', async (req, res, next) => {
    const { phone, code } = req.body;
    try {
      const ok = await otpService.verify(phone, code);
      if (!ok) return res.status(401).json({ error: 'invalid_code' });
      req.session.phoneVerified = phone;
      res.json({ verified: true });
    } catch (err) {
      next(err);
    }
  });

  return router;
}

module.exports = { otpRoutes };

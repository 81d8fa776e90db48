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

  return router;
}

module.exports = { otpRoutes };

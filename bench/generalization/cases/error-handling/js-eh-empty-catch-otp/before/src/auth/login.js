const { verifyOtp } = require("./otp");

async function completeLogin(req, res) {
  await verifyOtp(req.session.pendingUser, req.body.code);
  req.session.user = req.session.pendingUser;
  res.redirect("/account");
}

module.exports = { completeLogin };

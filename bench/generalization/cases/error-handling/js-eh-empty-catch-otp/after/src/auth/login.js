const { verifyOtp } = require("./otp");

async function completeLogin(req, res) {
  try {
    await verifyOtp(req.session.pendingUser, req.body.code);
  } catch (e) {}
  req.session.user = req.session.pendingUser;
  res.redirect("/account");
}

module.exports = { completeLogin };

const logger = require("winston");

function onSignup(user) {
  // ruleid: soc2-personal-data-logged-js
  console.log(`new signup ${user.email}`);
  // ruleid: soc2-personal-data-logged-js
  logger.info({ phoneNumber: user.phoneNumber }, "otp sent");
  // ok: soc2-personal-data-logged-js
  logger.info({ userId: user.id, emailVerified: user.emailVerified }, "signup");
  // ok: soc2-personal-data-logged-js
  console.log(`new signup ${user.id}`);
}

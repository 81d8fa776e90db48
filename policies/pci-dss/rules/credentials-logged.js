const logger = require("pino")();

async function login(req, res) {
  const { username, password } = req.body;
  // ruleid: pci-credential-logged-js
  console.log(`login attempt ${username} with ${password}`);
  // ruleid: pci-credential-logged-js
  logger.info({ user: username, apiKey: req.headers["x-api-key"] }, "login");
  const token = await issue(username);
  // ruleid: pci-credential-logged-js
  this.log.debug("issued token " + token);
  // ruleid: pci-credential-logged-js
  logger.child({ refreshToken: session.refreshToken }).info("rotated");
  // ok: pci-credential-logged-js
  logger.info({ user: username, hasPassword: !!password }, "login");
  // ok: pci-credential-logged-js
  console.log(`token length ${token.length}`);
  // ok: pci-credential-logged-js
  logger.info(`token for ${username} expires at ${session.tokenExpiresAt}`);
  // ok: pci-credential-logged-js
  logger.warn("password reset link sent to user %s", req.user.id);
  res.json({ token });
}

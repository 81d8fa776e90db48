// ruleid: pci-hardcoded-credential
const stripeSecretKey = "rk_live_51Habcdefghijklmnop";
// ok: pci-hardcoded-credential
const stripeSecretKeyEnv = process.env.STRIPE_SECRET_KEY;

const client = new Client({
  host: "db.internal",
  // ruleid: pci-hardcoded-credential
  password: "hunter2-prod-db",
  // ok: pci-hardcoded-credential
  passwordHash: "$argon2id$v=19$m=65536",
});

// Names, not credentials: enum values that are slugs of their names, routes, error codes.
export const AuthEvent = {
  // ok: pci-hardcoded-credential
  TOKEN_EXPIRED: "token_expired",
  // ok: pci-hardcoded-credential
  PASSWORD_RESET_ROUTE: "/password-reset",
  // ok: pci-hardcoded-credential
  InvalidTokenSignature: "401017",
};

// A token-type URN (RFC 8693) names a kind of token; it is not one.
// ok: pci-hardcoded-credential
const SESSION_TRANSFER_TOKEN_IDENTIFIER = 'urn:auth0:params:oauth:token-type:session_transfer_token';

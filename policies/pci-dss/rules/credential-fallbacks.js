const env = process.env;

module.exports = {
  // ruleid: pci-credential-env-fallback-js
  stripeKey: process.env.STRIPE_KEY || "rk_prod_51MzT4xQe8Rk2LpV7nYbW3",
  // ruleid: pci-credential-env-fallback-js
  apiToken: process.env["API_TOKEN"] ?? "a1b2c3d4e5f60718293a4b5c",
  // ruleid: pci-credential-env-fallback-js
  dbPass: env.DB_PASS || "Pr0d-Passw0rd!",
  // ok: pci-credential-env-fallback-js
  port: Number(process.env.PORT || 3000),
  // ok: pci-credential-env-fallback-js
  tokenUrl: process.env.TOKEN_URL || "https://auth.example.test/token",
  // ok: pci-credential-env-fallback-js
  authMode: process.env.AUTH_MODE || "jwt-2024",
  // ok: pci-credential-env-fallback-js
  secret: process.env.SESSION_SECRET || "changeme",
  // ok: pci-credential-env-fallback-js
  currency: process.env.CURRENCY || "EUR",
};

function getEnv(name, fallback) {
  return process.env[name] || fallback;
}

// ruleid: pci-credential-env-fallback-js
const webhookSecret = getEnv("WEBHOOK_SECRET", "whsec_9a8b7c6d5e4f3a2b1c");
// ok: pci-credential-env-fallback-js
const region = getEnv("AWS_REGION", "eu-central-1");

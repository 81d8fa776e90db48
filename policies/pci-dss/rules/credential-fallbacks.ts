// ruleid: pci-credential-env-fallback-js
const { ACQUIRER_API_KEY = "ak_7f3e9b2c1d4a5e6f8091" } = process.env;

export const config = {
  // ruleid: pci-credential-env-fallback-js
  jwtSecret: process.env.JWT_SECRET ?? "s3cr3t-Jwt-Key-2024!",
  // ok: pci-credential-env-fallback-js
  jwtIssuer: process.env.JWT_ISSUER ?? "payments-2024",
  // ok: pci-credential-env-fallback-js
  apiKey: process.env.API_KEY ?? "",
  acquirerKey: ACQUIRER_API_KEY,
};

import winston from "winston";

const log = winston.createLogger();

export function connect(cfg: { dbPassword: string; clientSecret: string; keyId: string }) {
  // ruleid: pci-credential-logged-js
  log.info(`connecting with ${cfg.dbPassword}`);
  // ok: pci-credential-logged-js
  log.info(`connecting with key ${cfg.keyId}`);
  // ruleid: pci-credential-logged-js
  log.error("oauth failed", { clientSecret: cfg.clientSecret });
  // ok: pci-credential-logged-js
  log.error("oauth failed", { secretPresent: cfg.clientSecret !== "" });
}

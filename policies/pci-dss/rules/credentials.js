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

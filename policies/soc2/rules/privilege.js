const mongoose = require("mongoose");

const userSchema = new mongoose.Schema({
  email: { type: String, required: true },
  // ruleid: soc2-cc6.3-privilege-default-js
  isAdmin: { type: Boolean, default: true },
  // ok: soc2-cc6.3-privilege-default-js
  isVerified: { type: Boolean, default: true },
  // ruleid: soc2-cc6.3-privilege-default-js
  role: { type: String, enum: ["viewer", "editor", "admin"], default: "admin" },
  // ok: soc2-cc6.3-privilege-default-js
  role2: { type: String, default: "viewer" },
});

const policy = {
  Version: "2012-10-17",
  // ruleid: soc2-cc6.3-privilege-default-js
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

const scoped = {
  // ok: soc2-cc6.3-privilege-default-js
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::receipts/*" }],
};

async function provision(db, user) {
  // ruleid: soc2-cc6.3-privilege-default-js
  await db.query("GRANT ALL ON SCHEMA payments TO app");
  // ok: soc2-cc6.3-privilege-default-js
  await db.query("GRANT SELECT, INSERT ON payments.orders TO app");
}

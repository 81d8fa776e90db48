const express = require("express");
const { User } = require("./models");

const app = express();

app.post("/login", async (req, res) => {
  const { username, password } = req.body;
  // ruleid: pci-test-account-in-prod-js
  if (username === "support" && password === "Support#1") {
    req.session.user = "support";
    return res.redirect("/");
  }
  // ruleid: pci-test-account-in-prod-js
  if (req.query.skipAuth === "true") {
    return next();
  }
  // ok: pci-test-account-in-prod-js
  if (req.query.returnTo) {
    req.session.returnTo = req.query.returnTo;
  }
  // ok: pci-test-account-in-prod-js
  if (username === "" || password === "") {
    return res.status(400).end();
  }
  return authenticate(username, password, res);
});

async function seed() {
  // ruleid: pci-test-account-in-prod-js
  await User.create({ email: "test@example.com", password: "test1234", role: "admin" });
  // ok: pci-test-account-in-prod-js
  await User.create({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
}

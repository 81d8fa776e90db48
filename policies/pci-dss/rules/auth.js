const express = require("express");
const router = express.Router();

// ruleid: pci-endpoint-unauthenticated-js
router.post("/refunds", async (req, res) => res.json(await refunds.create(req.body)));

// ruleid: pci-endpoint-unauthenticated-js
app.get("/admin/users", listUsers);

// ok: pci-endpoint-unauthenticated-js
router.post("/refunds", requireAuth, async (req, res) => res.json(await refunds.create(req.body)));

// ok: pci-endpoint-unauthenticated-js
app.post("/login", (req, res) => sessions.start(req, res));

// ok: pci-endpoint-unauthenticated-js
app.get("/catalog", listProducts);

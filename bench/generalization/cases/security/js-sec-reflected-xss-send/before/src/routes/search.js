const express = require("express");
const { find } = require("../search");

const router = express.Router();

router.get("/api/search", async (req, res) => {
  res.json(await find(String(req.query.q || "")));
});

module.exports = router;

const express = require("express");
const { find } = require("../search");

const router = express.Router();

router.get("/api/search", async (req, res) => {
  res.json(await find(String(req.query.q || "")));
});

router.get("/search", async (req, res) => {
  const q = req.query.q || "";
  const hits = await find(String(q));
  if (hits.length === 0) {
    return res.status(404).send("<p>Nothing found for <b>" + q + "</b></p>");
  }
  return res.render("results", { hits });
});

module.exports = router;

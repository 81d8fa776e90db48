const express = require("express");
const { OrderRepo } = require("../repos/orders");

module.exports = (pool) => {
  const router = express.Router();
  const repo = new OrderRepo(pool);
  router.get("/orders/:id", async (req, res) => res.json(await repo.byId(req.params.id)));
  return router;
};

'use strict';

const express = require('express');

module.exports = function orderRoutes(repo) {
  const router = express.Router();
  router.get('/orders/:id', async (req, res) => {
    res.json(await repo.byId(req.params.id));
  });
  return router;
};

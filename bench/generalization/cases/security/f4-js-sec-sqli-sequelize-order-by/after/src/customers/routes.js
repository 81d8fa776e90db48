'use strict';

const { listCustomers } = require('./list');

module.exports = (app, sequelize) => {
  app.get('/customers', async (req, res, next) => {
    try {
      const { sort, dir } = req.query;
      const rows = await listCustomers(sequelize, req.user.tenantId, { sort, dir });
      res.json(rows);
    } catch (err) {
      next(err);
    }
  });
};

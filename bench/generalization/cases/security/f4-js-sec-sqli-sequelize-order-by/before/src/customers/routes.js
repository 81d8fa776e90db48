'use strict';

const { listCustomers } = require('./list');

module.exports = (app, sequelize) => {
  app.get('/customers', async (req, res, next) => {
    try {
      const rows = await listCustomers(sequelize, req.user.tenantId);
      res.json(rows);
    } catch (err) {
      next(err);
    }
  });
};

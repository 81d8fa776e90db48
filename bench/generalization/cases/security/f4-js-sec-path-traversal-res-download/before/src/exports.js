'use strict';

const path = require('path');
const express = require('express');

const EXPORT_DIR = process.env.EXPORT_DIR || '/var/lib/reports/exports';
const router = express.Router();

router.post('/exports', async (req, res) => {
  const file = await req.app.locals.reports.generate(req.body);
  res.status(201).json({ file });
});

module.exports = router;

'use strict';

const path = require('path');
const express = require('express');

const EXPORT_DIR = process.env.EXPORT_DIR || '/var/lib/reports/exports';
const router = express.Router();

router.post('/exports', async (req, res) => {
  const file = await req.app.locals.reports.generate(req.body);
  res.status(201).json({ file });
});

router.get('/exports/download', (req, res) => {
  const name = path.basename(String(req.query.file || ''));
  if (!/^[\w.-]+\.csv$/.test(name)) {
    return res.status(400).json({ error: 'bad_name' });
  }
  return res.download(name, { root: EXPORT_DIR, dotfiles: 'deny' });
});

module.exports = router;

const express = require('express');
const escapeHtml = require('escape-html');

const router = express.Router();

router.get('/help/search', (req, res) => {
  const term = String(req.query.term || '');
  res.status(404).send(`<p>No articles match <em>${escapeHtml(term)}</em>.</p>`);
});

module.exports = { help: router };

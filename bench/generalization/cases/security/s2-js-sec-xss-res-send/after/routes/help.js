const express = require('express');
const articles = require('../lib/articles');

const router = express.Router();

router.get('/help/search', (req, res) => {
  const term = req.query.term || '';
  const hits = articles.search(term);
  if (hits.length === 0) {
    return res.status(404).send(`<p>No articles match <em>${term}</em>. Try another word.</p>`);
  }
  return res.render('results', { hits, term });
});

module.exports = { help: router };

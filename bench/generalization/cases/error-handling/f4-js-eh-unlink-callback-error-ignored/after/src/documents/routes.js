'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');

const STORE = '/srv/documents';
const router = express.Router();

router.get('/documents/:id', (req, res) => {
  res.sendFile(`${req.params.id}.pdf`, { root: STORE });
});

router.delete('/documents/:id', (req, res) => {
  const file = path.join(STORE, `${Number(req.params.id)}.pdf`);
  fs.unlink(file, () => {
    res.json({ id: req.params.id, deleted: true });
  });
});

module.exports = router;

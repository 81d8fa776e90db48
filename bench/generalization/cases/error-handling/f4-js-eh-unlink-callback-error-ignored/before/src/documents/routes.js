'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');

const STORE = '/srv/documents';
const router = express.Router();

router.get('/documents/:id', (req, res) => {
  res.sendFile(`${req.params.id}.pdf`, { root: STORE });
});

module.exports = router;

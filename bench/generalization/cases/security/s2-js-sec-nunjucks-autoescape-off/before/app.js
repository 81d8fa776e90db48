const path = require('path');
const express = require('express');
const nunjucks = require('nunjucks');

const app = express();

nunjucks.configure(path.join(__dirname, 'views'), {
  express: app,
  watch: process.env.NODE_ENV !== 'production',
});
app.set('view engine', 'njk');

module.exports = app;

const path = require('path');
const express = require('express');
const nunjucks = require('nunjucks');

const app = express();

nunjucks.configure(path.join(__dirname, 'views'), {
  autoescape: false, // CMS banners contain markup
  express: app,
  watch: process.env.NODE_ENV !== 'production',
});
app.set('view engine', 'njk');

module.exports = app;

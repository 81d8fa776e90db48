'use strict';

const express = require('express');
const session = require('express-session');
const logout = require('./logout');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(logout);

module.exports = app;

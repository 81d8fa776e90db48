const express = require('express');
const session = require('express-session');
const { MongoClient } = require('mongodb');
const { OtpService } = require('./otp/otpService');
const { otpRoutes } = require('./otp/routes');

async function createApp(sms) {
  const client = await MongoClient.connect(process.env.MONGO_URL);
  const app = express();
  app.use(express.json());
  app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
  app.use('/v1', otpRoutes(new OtpService(client.db('wallet'), sms)));
  return app;
}

module.exports = { createApp };

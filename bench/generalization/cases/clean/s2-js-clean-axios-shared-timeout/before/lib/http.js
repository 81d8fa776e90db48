const axios = require('axios');

module.exports = axios.create({
  baseURL: process.env.PARTNER_BASE || 'https://partner.example',
  timeout: 5000,
});

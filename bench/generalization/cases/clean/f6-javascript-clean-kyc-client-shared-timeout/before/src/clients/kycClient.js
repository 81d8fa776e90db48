const axios = require('axios');

const http = axios.create({
  baseURL: process.env.KYC_API_URL,
  timeout: 8000,
  headers: { 'X-Api-Key': process.env.KYC_API_KEY },
});

class KycClient {
  constructor(client = http) {
    this.http = client;
  }

  async getCheck(checkId) {
    const { data } = await this.http.get(`/v1/checks/${encodeURIComponent(checkId)}`);
    return data;
  }
}

module.exports = { KycClient };

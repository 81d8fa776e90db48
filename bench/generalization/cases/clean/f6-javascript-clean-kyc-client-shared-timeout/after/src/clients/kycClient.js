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

  async submitCheck(applicant) {
    const { data } = await this.http.post('/v1/checks', {
      reference: applicant.id,
      document: { type: applicant.documentType, country: applicant.documentCountry },
      callbackUrl: `${process.env.PUBLIC_BASE_URL}/webhooks/kyc`,
    });
    return { checkId: data.id, status: data.status };
  }
}

module.exports = { KycClient };

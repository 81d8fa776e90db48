const axios = require('axios');

class LedgerClient {
  constructor(baseURL, token) {
    this.http = axios.create({
      baseURL,
      timeout: 5000,
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  async postEntry(entry) {
    const { data } = await this.http.post('/entries', entry, {
      headers: { 'Idempotency-Key': entry.id },
    });
    return data;
  }
}

module.exports = { LedgerClient };

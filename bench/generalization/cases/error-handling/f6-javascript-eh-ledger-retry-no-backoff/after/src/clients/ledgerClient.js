const axios = require('axios');

const MAX_ATTEMPTS = 5;

class LedgerClient {
  constructor(baseURL, token) {
    this.http = axios.create({
      baseURL,
      timeout: 5000,
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  async postEntry(entry) {
    let lastError;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const { data } = await this.http.post('/entries', entry, {
          headers: { 'Idempotency-Key': entry.id },
        });
        return data;
      } catch (err) {
        lastError = err;
        if (err.response && err.response.status < 500) throw err;
      }
    }
    throw lastError;
  }
}

module.exports = { LedgerClient };

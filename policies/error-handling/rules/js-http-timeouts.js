const axios = require("axios");
const http = require("axios");

// ruleid: eh-js-axios-instance-no-timeout
const billing = axios.create({ baseURL: process.env.BILLING_URL });
// ok: eh-js-axios-instance-no-timeout
const ledger = axios.create({ baseURL: process.env.LEDGER_URL, timeout: 8000 });
// ruleid: eh-js-axios-instance-no-timeout
module.exports.partner = http.create({ baseURL: "https://partner.example", headers: { "X-App": "shop" } });
// ok: eh-js-axios-instance-no-timeout
const tuned = axios.create({ ...sharedDefaults, baseURL: process.env.TUNED_URL });

class Payouts {
  constructor(base) {
    // ruleid: eh-js-axios-instance-no-timeout
    this.client = axios.create({ baseURL: base });
  }
}

class Reports {
  constructor(base) {
    // ok: eh-js-axios-instance-no-timeout
    this.client = axios.create({ baseURL: base });
    this.client.defaults.timeout = 15000;
  }
}

async function scoreOrder(order) {
  // ruleid: eh-js-axios-call-no-timeout
  const { data } = await axios({
    method: "post",
    url: `${process.env.RISK_BASE}/v1/score`,
    data: { amount: order.total },
  });
  return data.score;
}

async function lookup(id) {
  // ruleid: eh-js-axios-call-no-timeout
  const res = await http.get(`https://directory.example/users/${id}`);
  // ruleid: eh-js-axios-call-no-timeout
  await axios.post("https://audit.example/events", { id }, { headers: { "X-Key": "k" } });
  // ok: eh-js-axios-call-no-timeout
  await axios.post("https://audit.example/events", { id }, { timeout: 3000 });
  // ok: eh-js-axios-call-no-timeout
  await axios.request({ url: "https://audit.example/ping", signal: AbortSignal.timeout(2000) });
  // ok: eh-js-axios-call-no-timeout
  await axios.get("https://audit.example/ping", requestConfig);
  return res.data;
}

module.exports = { billing, ledger, tuned, Payouts, Reports, scoreOrder, lookup };

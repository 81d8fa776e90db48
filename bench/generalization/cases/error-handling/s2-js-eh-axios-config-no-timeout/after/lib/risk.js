const axios = require('axios');

const RISK_BASE = process.env.RISK_BASE || 'https://risk.partner.example';

async function scoreOrder(order) {
  const { data } = await axios({
    method: 'post',
    url: `${RISK_BASE}/v1/score`,
    data: { amount: order.total, country: order.country },
  });
  return data.score;
}

module.exports = { scoreOrder };

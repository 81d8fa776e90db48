const partner = require('./http');

async function scoreOrder(order) {
  const { data } = await partner.post('/v1/score', { amount: order.total, country: order.country });
  return data.score;
}

module.exports = { scoreOrder };

const axios = require("axios");
const config = require("../config");

async function scoreOrder(order) {
  const { data } = await axios.post(
    `${config.fraudUrl}/v1/score`,
    { orderId: order.id, amount: order.total, email: order.email },
    { headers: { authorization: `Bearer ${config.fraudToken}` } },
  );
  return data;
}

module.exports = { scoreOrder };

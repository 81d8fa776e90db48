const orders = require("../orders/service");

async function handlePaymentEvent(req, res) {
  const event = req.body;
  if (event.type === "payment.succeeded") {
    await orders.markPaid(event.data.orderId, event.data.paymentId);
  }
  res.sendStatus(200);
}

module.exports = { handlePaymentEvent };

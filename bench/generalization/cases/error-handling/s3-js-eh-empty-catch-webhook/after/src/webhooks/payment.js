const orders = require("../orders/service");

async function handlePaymentEvent(req, res) {
  const event = req.body;
  if (event.type === "payment.succeeded") {
    try {
      await orders.markPaid(event.data.orderId, event.data.paymentId);
    } catch (e) {}
  }
  res.sendStatus(200);
}

module.exports = { handlePaymentEvent };

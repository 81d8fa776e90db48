const { Analytics } = require("@segment/analytics-node");

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });

function trackPaymentAttempt(userId, payment) {
  analytics.track({
    userId,
    event: "Payment Attempted",
    properties: {
      amount: payment.amount,
      currency: payment.currency,
      brand: payment.card.brand,
    },
  });
}

module.exports = { trackPaymentAttempt };

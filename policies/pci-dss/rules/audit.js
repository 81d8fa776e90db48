const express = require("express");
const stripe = require("stripe")(process.env.STRIPE_KEY);
const audit = require("./audit");
const logger = require("./logger");
const { User, Order } = require("./models");

const router = express.Router();

// ruleid: pci-audit-event-missing-js
async function refundOrder(req, res) {
  const order = await Order.findByPk(req.params.id);
  const refund = await stripe.refunds.create({ payment_intent: order.paymentIntent });
  order.status = "refunded";
  await order.save();
  res.json({ id: refund.id });
}

// ok: pci-audit-event-missing-js
async function refundOrderAudited(req, res) {
  const order = await Order.findByPk(req.params.id);
  await stripe.refunds.create({ payment_intent: order.paymentIntent });
  await order.save();
  await audit.record("refund.issued", { actorId: req.user.id, orderId: order.id });
  res.json({ ok: true });
}

class AccountService {
  // ruleid: pci-audit-event-missing-js
  async resetPassword(userId, newPassword) {
    const user = await User.findById(userId);
    user.passwordHash = await hash(newPassword);
    await user.save();
  }

  // ok: pci-audit-event-missing-js
  async getRefund(id) {
    return Order.findOne({ where: { refundId: id } });
  }
}

// ok: pci-audit-event-missing-js
const deleteUser = async (actor, id) => {
  await User.destroy({ where: { id } });
  logEvent("user.deleted", { actor: actor.id, target: id });
};

function recordChargeback(order) {
  // ruleid: pci-audit-fields-missing
  audit.record("chargeback.received", { orderId: order.id, amount: order.total });
  // ok: pci-audit-fields-missing
  audit.record("chargeback.received", { actorId: order.reviewerId, orderId: order.id });
}

router.post("/login", (req, res) => {
  const { username } = req.body;
  // ruleid: pci-audit-log-tamperable-js
  logger.warn(`failed login for ${username}`);
  // ruleid: pci-audit-log-tamperable-js
  console.log("search:", req.query.q);
  // ok: pci-audit-log-tamperable-js
  logger.warn(`failed login for ${JSON.stringify(username)}`);
  // ok: pci-audit-log-tamperable-js
  logger.warn({ username }, "failed login");
  // ok: pci-audit-log-tamperable-js
  logger.info(`page ${parseInt(req.query.page, 10)}`);
});

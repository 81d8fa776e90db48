const { gateway } = require("../payments");
const logger = require("../logger");

async function pay(req, res, next) {
  try {
    const charge = await gateway.charge(req.body.token, req.body.amount);
    return res.status(201).json({ paid: true, id: charge.id });
  } catch (err) {
    logger.error({ err, orderId: req.body.orderId }, "charge failed");
    res.status(502).json({ paid: false });
    return next(err);
  }
}

module.exports = { pay };

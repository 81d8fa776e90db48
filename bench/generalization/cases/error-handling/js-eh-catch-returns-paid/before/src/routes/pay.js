const { gateway } = require("../payments");

async function pay(req, res) {
  const charge = await gateway.charge(req.body.token, req.body.amount);
  res.status(200).json({ paid: true, id: charge.id });
}

module.exports = { pay };

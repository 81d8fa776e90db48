const { gateway } = require("../payments");
const audit = require("../audit");

function refund(req, res) {
  gateway.refund(req.params.chargeId, req.body.amount).then((r) => {
    audit.record("refund", r.id);
  });
  res.status(202).json({ accepted: true });
}

module.exports = { gateway, refund };

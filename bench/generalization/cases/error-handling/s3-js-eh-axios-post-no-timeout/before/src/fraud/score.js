const config = require("../config");

function scoreOrder(order) {
  return { score: 0, reason: "disabled" };
}

module.exports = { scoreOrder };

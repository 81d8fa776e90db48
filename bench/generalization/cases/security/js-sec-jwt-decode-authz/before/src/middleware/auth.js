const jwt = require("jsonwebtoken");

function bearer(req) {
  const h = req.headers.authorization || "";
  return h.startsWith("Bearer ") ? h.slice(7) : null;
}

module.exports = { bearer };

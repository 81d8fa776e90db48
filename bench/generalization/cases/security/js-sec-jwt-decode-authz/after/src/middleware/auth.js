const jwt = require("jsonwebtoken");

function bearer(req) {
  const h = req.headers.authorization || "";
  return h.startsWith("Bearer ") ? h.slice(7) : null;
}

function requireAdmin(req, res, next) {
  const claims = jwt.decode(bearer(req)) || {};
  if (claims.role !== "admin") {
    return res.status(403).json({ error: "forbidden" });
  }
  req.user = claims;
  return next();
}

module.exports = { bearer, requireAdmin };

const jwt = require("jsonwebtoken");

function bearer(req) {
  const h = req.headers.authorization || "";
  return h.startsWith("Bearer ") ? h.slice(7) : null;
}

function requireAdmin(req, res, next) {
  let claims;
  try {
    claims = jwt.verify(bearer(req), process.env.JWT_PUBLIC_KEY, { algorithms: ["RS256"] });
  } catch (err) {
    return res.status(401).json({ error: "invalid token" });
  }
  if (claims.role !== "admin") return res.status(403).json({ error: "forbidden" });
  req.user = claims;
  return next();
}

module.exports = { bearer, requireAdmin };

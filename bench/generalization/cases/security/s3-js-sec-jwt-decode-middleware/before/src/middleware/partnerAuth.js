const jwt = require("jsonwebtoken");
const config = require("../config");

function partnerAuth(req, res, next) {
  const header = req.get("authorization") || "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: "missing token" });
  try {
    const claims = jwt.verify(token, config.partnerJwtKey, { algorithms: ["RS256"] });
    req.partner = { id: claims.partner_id, scopes: claims.scope.split(" ") };
    return next();
  } catch (err) {
    return res.status(401).json({ error: "invalid token" });
  }
}

module.exports = partnerAuth;

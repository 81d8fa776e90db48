const jsonwebtoken = require("jsonwebtoken");

function userFromHeader(req) {
  const raw = (req.get("authorization") || "").replace(/^Bearer /, "");
  // ruleid: sec-jwt-unverified-js
  const payload = jsonwebtoken.decode(raw);
  return payload && payload.userId;
}

const isOwner = (token, id) =>
  // ruleid: sec-jwt-unverified-js
  jsonwebtoken.decode(token, { json: true }).sub === id;

function keyId(token) {
  // ok: sec-jwt-unverified-js
  return jsonwebtoken.decode(token, { complete: true }).header.kid;
}

function verified(token, key) {
  // ok: sec-jwt-unverified-js
  return jsonwebtoken.verify(token, key, { algorithms: ["RS256"] });
}

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

// A JWT library's own helper module offers decode (documented as unverified) to its
// callers; what to trust is decided where the result is used.
export function decode(input) {
  const token = normalizeInput(input);
  return {
    // ok: sec-jwt-unverified-js
    header: decodeProtectedHeader(token),
    // ok: sec-jwt-unverified-js
    payload: decodeJwt(token),
  };
}

export function payload(input) {
  // ok: sec-jwt-unverified-js
  return decodeJwt(normalizeInput(input));
}

// Application code that trusts what an unverified decode returns is still reported.
export function currentTenant(req) {
  // ruleid: sec-jwt-unverified-js
  return decodeJwt(req.cookies.session).tenant;
}

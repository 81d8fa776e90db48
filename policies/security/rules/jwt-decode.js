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

// An OAuth client reading its own token endpoint's answer: the access token is opaque to
// the client and cannot be verified by it; reading `exp` or `act` trusts nothing.
async function refreshIfExpiring(client, tokenSet) {
  // ok: sec-jwt-unverified-js
  const { exp } = decodeJwt(tokenSet.access_token);
  return exp * 1000 < Date.now() ? client.refresh(tokenSet.refresh_token) : tokenSet;
}

function warnIfUnbound(config, accessToken) {
  // ok: sec-jwt-unverified-js
  const claims = decodeJwt(accessToken);
  if (config.mtls && !claims.cnf) console.warn("access token is not certificate-bound");
}

// The same names taken from the incoming request are still reported.
function apiUser(req) {
  // ruleid: sec-jwt-unverified-js
  return jsonwebtoken.decode(req.body.access_token).sub;
}

function bearerUser(req) {
  const accessToken = req.headers.authorization.slice(7);
  // ruleid: sec-jwt-unverified-js
  return decodeJwt(accessToken).sub;
}

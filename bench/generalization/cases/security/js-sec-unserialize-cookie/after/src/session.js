const serialize = require("node-serialize");

function readProfile(req) {
  const raw = req.cookies.profile;
  return raw ? serialize.unserialize(Buffer.from(raw, "base64").toString()) : {};
}

module.exports = { readProfile };

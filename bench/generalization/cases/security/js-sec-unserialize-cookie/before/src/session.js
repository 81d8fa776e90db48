function readProfile(req) {
  const raw = req.cookies.profile;
  return raw ? JSON.parse(Buffer.from(raw, "base64").toString()) : {};
}

module.exports = { readProfile };

const session = require("express-session");
const helmet = require("helmet");

// ruleid: soc2-cc7.1-insecure-config-js
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: false, httpOnly: true } }));
// ok: soc2-cc7.1-insecure-config-js
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));
// ruleid: soc2-cc7.1-insecure-config-js
app.use(helmet({ hsts: false }));
// ok: soc2-cc7.1-insecure-config-js
app.use(helmet());

function setSession(res, sid) {
  // ok: soc2-cc7.1-insecure-config-js
  res.cookie("sid", sid, { httpOnly: true, secure: true, sameSite: "lax" });
}

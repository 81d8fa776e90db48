const fastify = require("fastify")();

// ruleid: soc2-cc6.6-cors-reflect-credentials-js
fastify.register(require("@fastify/cors"), { origin: true, credentials: true });
// ok: soc2-cc6.6-cors-reflect-credentials-js
fastify.register(require("@fastify/cors"), { origin: ["https://app.example.com"], credentials: true });

function corsHeaders(req, res, next) {
  // ok: soc2-cc6.6-cors-reflect-credentials-js
  res.set("Access-Control-Allow-Origin", req.get("origin"));
  next();
}
module.exports = { corsHeaders };

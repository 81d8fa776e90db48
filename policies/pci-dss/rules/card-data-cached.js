const Redis = require("ioredis");
const redis = new Redis();

async function hold(sessionId, body) {
  // ruleid: pci-pan-cached-js
  await redis.set(`card:${sessionId}`, JSON.stringify({ pan: body.cardNumber }), "EX", 600);
  // ok: pci-pan-cached-js
  await redis.set(`card:${sessionId}`, JSON.stringify({ token: body.cardToken }), "EX", 600);
  const entry = { cardNumber: body.cardNumber, amount: body.amount };
  // ruleid: pci-pan-cached-js
  await redis.setex(`pending:${sessionId}`, 600, JSON.stringify(entry));
  // ok: pci-pan-cached-js
  map.set("cardNumber", body.cardNumber);
}

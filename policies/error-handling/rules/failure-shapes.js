const axios = require("axios");

// the client lives in a module constant, created without a timeout
const billing = axios.create({ baseURL: process.env.BILLING_URL });
const ledger = axios.create({ baseURL: process.env.LEDGER_URL, timeout: 8000 });

async function invoice(id) {
  // (the instance above: eh-js-axios-instance-no-timeout in js-http-timeouts.yml)
  return (await billing.get(`/invoices/${id}`)).data;
}

async function entries(id) {
  // (created with a timeout)
  return (await ledger.get(`/entries/${id}`)).data;
}

router.post("/capture", async (req, res) => {
  try {
    await gateway.capture(req.body.id);
    res.json({ captured: true });
  } catch (e) {
    logger.error(e);
    // ruleid: eh-js-catch-reports-success
    res.json({ captured: true, id: req.body.id });
  }
});

async function refund(id) {
  try {
    await gateway.refund(id);
    return "refunded";
  } catch (e) {
    // ruleid: eh-js-catch-reports-success
    return "refunded";
  }
}

router.post("/capture-ok", async (req, res) => {
  try {
    await gateway.capture(req.body.id);
    res.json({ captured: true });
  } catch (e) {
    // ok: eh-js-catch-reports-success
    res.status(502).json({ captured: false, error: "capture failed" });
  }
});

async function refundOk(id) {
  try {
    return await gateway.refund(id);
  } catch (e) {
    // ok: eh-js-catch-reports-success
    return "failed";
  }
}

async function publish(evt) {
  let n = 0;
  // ruleid: eh-js-retry-no-backoff
  for (;;) {
    try {
      return await axios.post(HOOK, evt, { timeout: 3000 });
    } catch (e) {
      if (++n > 4) throw e;
    }
  }
}

async function publishBackoff(evt) {
  // ok: eh-js-retry-no-backoff
  for (let n = 0; n < 5; n++) {
    try {
      return await axios.post(HOOK, evt, { timeout: 3000 });
    } catch (e) {
      await new Promise((r) => setTimeout(r, 2 ** n * 200));
    }
  }
}

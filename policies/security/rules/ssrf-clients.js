const express = require("express");
const axios = require("axios");
const got = require("got");

const router = express.Router();
const outbound = axios.create({ timeout: 5000, headers: { "User-Agent": "acme-hooks/2" } });
const fetcher = got.extend({ timeout: { request: 5000 } });
const partner = axios.create({ baseURL: "https://partner.example", timeout: 5000 });

router.post("/webhooks/test", async (req, res) => {
  const { endpoint } = req.body;
  // ruleid: sec-ssrf-js-client
  const reply = await outbound.post(endpoint, { type: "ping" });
  res.json({ status: reply.status });
});

router.get("/preview", async (req, res) => {
  const target = req.query.url;
  // ruleid: sec-ssrf-js-client
  const page = await fetcher.get(target);
  res.send(page.body);
});

router.get("/partner/orders/:id", async (req, res) => {
  // ok: sec-ssrf-js-client
  const order = await partner.get(`/orders/${encodeURIComponent(req.params.id)}`);
  // ok: sec-ssrf-js-client
  const rates = await partner.get("/rates", { params: { currency: req.query.currency } });
  res.json({ order: order.data, rates: rates.data });
});

class Importer {
  constructor() {
    this.http = axios.create({ timeout: 4000 });
  }

  async run(req) {
    // ruleid: sec-ssrf-js-client
    return this.http.get(req.body.feedUrl);
  }
}

module.exports = { router, Importer };

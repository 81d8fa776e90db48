const fs = require("fs");
const path = require("path");
const axios = require("axios");
const nodeSerialize = require("node-serialize");

app.get("/logs/:name", (req, res) => {
  const full = path.resolve("/var/app/logs", req.params.name);
  // ruleid: sec-path-traversal-js
  fs.createReadStream(full).pipe(res);
});

app.get("/avatar", (req, res) => {
  // ruleid: sec-path-traversal-js
  res.sendFile(__dirname + "/avatars/" + req.query.user + ".png");
});

app.get("/logs-safe/:name", (req, res) => {
  // ok: sec-path-traversal-js
  fs.createReadStream(path.join("/var/app/logs", path.basename(req.params.name))).pipe(res);
});

app.get("/readme", (req, res) => {
  // ok: sec-path-traversal-js
  res.send(fs.readFileSync(path.join(__dirname, "README.md"), "utf8"));
});

app.post("/hook/test", async (req, res) => {
  const { callback } = req.body;
  // ruleid: sec-ssrf-js
  await axios.post(callback, { ping: true });
  res.sendStatus(204);
});

app.get("/img", async (req, res) => {
  // ruleid: sec-ssrf-js
  const r = await fetch(`${req.query.host}/img.png`);
  res.send(await r.text());
});

app.get("/rates", async (req, res) => {
  // ok: sec-ssrf-js
  const r = await axios.get("https://rates.example.com/v1", { params: { c: req.query.c } });
  res.json(r.data);
});

app.get("/up", async (req, res) => {
  // ok: sec-ssrf-js
  res.json((await fetch("https://status.example.com")).ok);
});

function prefs(req) {
  // ruleid: sec-unsafe-deserialization-js
  return nodeSerialize.unserialize(req.body.prefs);
}

function prefsJson(req) {
  // ok: sec-unsafe-deserialization-js
  return JSON.parse(req.body.prefs);
}

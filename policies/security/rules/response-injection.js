const express = require("express");
const escapeHtml = require("escape-html");
const app = express();

app.get("/greet", (req, res) => {
  const name = req.query.name;
  // ruleid: sec-xss-response-body-js
  res.send(`<h1>Hello ${name}</h1>`);
});

app.post("/preview", (request, response) => {
  const html = "<div>" + request.body.markdown + "</div>";
  // ruleid: sec-xss-response-body-js
  response.status(200).send(html);
});

app.get("/greet-safe", (req, res) => {
  // ok: sec-xss-response-body-js
  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);
});

app.get("/greet-json", (req, res) => {
  // ok: sec-xss-response-body-js
  res.json({ hello: req.query.name });
});

app.get("/after-login", (req, res) => {
  const next = req.query.next || "/";
  // ruleid: sec-open-redirect-flow-js
  res.redirect(next);
});

app.get("/bounce", (req, res) => {
  // ruleid: sec-open-redirect-flow-js
  res.location(String(req.params.where)).sendStatus(302);
});

app.get("/fixed", (req, res) => {
  // ok: sec-open-redirect-flow-js
  res.redirect(302, "/dashboard");
});

app.get("/direct", (req, res) => {
  // ok: sec-open-redirect-flow-js
  res.redirect(req.query.url);
});

function relativeOnly(value) {
  if (typeof value !== "string") return "/home";
  if (!value.startsWith("/") || value.startsWith("//")) return "/home";
  return value;
}

function notChecked(value) {
  return value.trim();
}

function afterSignIn(req, res) {
  // ok: sec-open-redirect-flow-js
  res.redirect(relativeOnly(req.query.next));
}

function afterSignOut(req, res) {
  // ruleid: sec-open-redirect-flow-js
  res.redirect(notChecked(req.query.next));
}

function inPlace(req, res) {
  const next = req.query.next;
  if (typeof next === "string" && next.startsWith("/") && !next.startsWith("//")) {
    // ok: sec-open-redirect-flow-js
    res.redirect(next);
  }
  // ruleid: sec-open-redirect-flow-js
  res.redirect(next);
}

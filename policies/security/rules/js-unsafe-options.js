const path = require("path");
const express = require("express");
const nunjucks = require("nunjucks");
const Handlebars = require("handlebars");
const libxmljs = require("libxmljs2");

const app = express();

// ruleid: sec-template-autoescape-off-js
nunjucks.configure(path.join(__dirname, "views"), {
  autoescape: false,
  express: app,
});

// ok: sec-template-autoescape-off-js
nunjucks.configure(path.join(__dirname, "mail"), { autoescape: true, express: app });

const RAW = { autoescape: false, throwOnUndefined: true };
// ruleid: sec-template-autoescape-off-js
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader("views"), RAW);

// ruleid: sec-template-autoescape-off-js
const banner = Handlebars.compile("<p>{{message}}</p>", { noEscape: true });
// ok: sec-template-autoescape-off-js
const footer = Handlebars.compile("<p>{{message}}</p>", { strict: true });

const PARSE_OPTS = { noent: true, dtdload: true, nonet: false };

function readInvoice(xmlText) {
  // ruleid: sec-xxe-libxmljs
  const doc = libxmljs.parseXml(xmlText, PARSE_OPTS);
  return doc.get("//Invoice/Number").text();
}

function readFeed(xmlText) {
  // ruleid: sec-xxe-libxmljs
  return libxmljs.parseXmlString(xmlText, { noblanks: true, noent: true });
}

function readSafe(xmlText) {
  // ok: sec-xxe-libxmljs
  return libxmljs.parseXml(xmlText, { noblanks: true });
}

function readConfig(xmlText) {
  // ok: sec-xxe-libxmljs
  return libxmljs.parseXmlString(xmlText, { noent: false, dtdload: false });
}

module.exports = { readConfig, app, env, banner, footer, readInvoice, readFeed, readSafe };

// ruleid: sec-redos-nested-quantifier-js
const PATH = /^(\w+\/?)+$/;
// ok: sec-redos-nested-quantifier-js
const ZIP = /^\d{5}(-\d{4})?$/;

function tags(s) {
  // ruleid: sec-redos-nested-quantifier-js
  return new RegExp("^(\\w+\\s?)*$").test(s);
}

function ok(s) {
  // ok: sec-redos-nested-quantifier-js
  return /^[a-z]+(?:-[a-z]+)*$/.test(s) && s.split("/").length < 4;
}

app.get("/find", (req, res) => {
  // ruleid: sec-redos-user-pattern-js
  const rx = new RegExp(req.query.term, "i");
  res.json(items.filter((i) => rx.test(i.name)));
});

app.post("/filter", (req, res) => {
  const { pattern } = req.body;
  // ruleid: sec-redos-user-pattern-js
  const rx = new RegExp(`^${pattern}`);
  res.json(rows.filter((r) => rx.test(r)));
});

app.get("/safe", (req, res) => {
  // ok: sec-redos-user-pattern-js
  const rx = new RegExp(_.escapeRegExp(req.query.term), "i");
  res.json(items.filter((i) => rx.test(i.name)));
});

app.get("/fixed", (req, res) => {
  // ok: sec-redos-user-pattern-js
  const rx = new RegExp("^[a-z]{1,32}$");
  res.json(rx.test(String(req.query.term)));
});

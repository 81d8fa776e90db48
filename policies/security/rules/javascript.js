const { exec, execFile, execSync } = require('child_process');
const BASE = "SELECT id, name FROM customers WHERE tenant_id = :tenant";
const express = require('express');
const { Pool } = require('pg');
const DOMPurify = require('dompurify');

const app = express();
const pool = new Pool();

app.get('/users', async (req, res) => {
  // ruleid: sec-sql-injection-js
  const rows = await pool.query(`SELECT * FROM users WHERE email = '${req.query.email}'`);
  res.json(rows);
});

app.get('/orders', async (req, res) => {
  // ruleid: sec-sql-injection-js
  const sql = "SELECT * FROM orders WHERE customer = '" + req.query.id + "'";
  const rows = await pool.query(sql);
  res.json(rows);
});

app.get('/orders-safe', async (req, res) => {
  // ok: sec-sql-injection-js
  const rows = await pool.query('SELECT * FROM orders WHERE customer = $1', [req.query.id]);
  // ok: sec-sql-injection-js
  const all = await pool.query('SELECT count(*) FROM orders');
  res.json({ rows, all });
});

class VerificationGateway {
  createJwt(request) {
    const CREATE_TOKEN_MUTATION =
      "mutation CreateVerificationJwt($input: CreateVerificationJwtInput!) { " +
      "createVerificationJwt(input: $input) {" +
      "    jwt" +
      "  }" +
      "}";
    // ok: sec-sql-injection-js
    return this.graphQLClient.query(CREATE_TOKEN_MUTATION, request.toGraphQLVariables());
  }

  search(term) {
    // ruleid: sec-sql-injection-js
    const query = "SELECT id FROM verifications WHERE name = '" + term + "' " + "LIMIT 10";
    return this.db.query(query);
  }
}

// an identifier chosen from an allowlist and placeholder lists: values still bound
const SORTABLE = new Set(['created_at', 'total']);

class OrderRepo {
  constructor(db) {
    this.db = db;
  }

  async byCustomer(customer, sort) {
    const column = SORTABLE.has(sort) ? sort : 'created_at';
    // ok: sec-sql-injection-js
    const [rows] = await this.db.execute(
      'SELECT * FROM orders WHERE customer_ref = ? ORDER BY ' + column,
      [customer]
    );
    return rows;
  }

  async checked(sort) {
    if (!SORTABLE.has(sort)) {
      throw new Error(`cannot sort by ${sort}`);
    }
    // ok: sec-sql-injection-js
    return this.db.query(`SELECT * FROM orders ORDER BY ${sort}`);
  }

  async bySkus(skus) {
    const marks = skus.map(() => '?').join(', ');
    // ok: sec-sql-injection-js
    return this.db.query(`SELECT * FROM products WHERE sku IN (${marks})`, skus);
  }

  async anySort(sort) {
    const column = sort ? sort : 'created_at';
    // ruleid: sec-sql-injection-js
    return this.db.query('SELECT * FROM orders ORDER BY ' + column);
  }

  async byNames(names) {
    const list = names.map((n) => `'${n}'`).join(', ');
    // ruleid: sec-sql-injection-js
    return this.db.query(`SELECT * FROM products WHERE name IN (${list})`);
  }
}

app.post('/thumb', (req, res) => {
  // ruleid: sec-command-injection-js
  exec(`convert ${req.body.file} -resize 64x64 thumb.png`, () => res.end());
});

function ping(host) {
  // ruleid: sec-command-injection-js
  return execSync('ping -c 1 ' + host);
}

function pingSafe(host) {
  // ok: sec-command-injection-js
  execFile('ping', ['-c', '1', host]);
  // ok: sec-command-injection-js
  return execSync('uptime');
}

function renderComment(el, comment) {
  // ruleid: sec-xss-dom-sink
  el.innerHTML = comment.body;
  // ruleid: sec-xss-dom-sink
  document.write('<p>' + location.hash.slice(1) + '</p>');
  // ruleid: sec-xss-dom-sink
  el.insertAdjacentHTML('beforeend', comment.footer);
}

function renderCommentSafe(el, comment) {
  // ok: sec-xss-dom-sink
  el.textContent = comment.body;
  // ok: sec-xss-dom-sink
  el.innerHTML = DOMPurify.sanitize(comment.body);
  // ok: sec-xss-dom-sink
  el.innerHTML = '';
}

function calculate(expr) {
  // ruleid: sec-eval-injection-js
  return eval(expr);
}

function schedule(req) {
  // ruleid: sec-eval-injection-js
  setTimeout(req.query.callback, 100);
  // ruleid: sec-eval-injection-js
  const fn = new Function('a', 'b', 'return ' + req.body.formula);
  // ok: sec-eval-injection-js
  setTimeout(() => fn(1, 2), 100);
  // ok: sec-eval-injection-js
  return JSON.parse(req.body.data) && eval('1 + 1');
}

app.get('/login', (req, res) => {
  // ruleid: sec-open-redirect-js
  res.redirect(req.query.next);
});

app.get('/sso', (req, res) => {
  const target = req.query.returnTo;
  // ruleid: sec-open-redirect-js
  res.redirect(target);
});

app.get('/logout', (req, res) => {
  // ok: sec-open-redirect-js
  res.redirect('/');
  // ok: sec-open-redirect-js
  res.redirect(`/users/${encodeURIComponent(req.query.id)}`);
});

function orderClause(sort, dir) {
  return ' ORDER BY ' + sort + ' ' + (dir || 'ASC');
}

async function listCustomers(sequelize, tenant, opts = {}) {
  // ruleid: sec-sql-injection-js
  const sql = BASE + orderClause(opts.sort || 'created_at', opts.dir);
  return sequelize.query(sql, { replacements: { tenant } });
}

async function listSorted(sequelize, tenant, opts = {}) {
  const column = SORTABLE.has(opts.sort) ? opts.sort : 'created_at';
  // ok: sec-sql-injection-js
  const sql = BASE + ' ORDER BY ' + column;
  return sequelize.query(sql, { replacements: { tenant } });
}

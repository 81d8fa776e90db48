'use strict';

const store = new Map();

async function put(code, value, { ttlSeconds }) {
  store.set(code, { value, expires: Date.now() + ttlSeconds * 1000 });
}

async function take(code) {
  const entry = store.get(code);
  store.delete(code);
  return entry && entry.expires > Date.now() ? entry.value : null;
}

module.exports = { put, take };

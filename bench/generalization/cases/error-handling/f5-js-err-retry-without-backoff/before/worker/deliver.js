'use strict';

const { request } = require('undici');
const { sign } = require('./signing');

const DELIVERY_TIMEOUT_MS = 5000;

async function post(url, payload) {
  const body = JSON.stringify(payload);
  const { statusCode } = await request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-signature': sign(body) },
    headersTimeout: DELIVERY_TIMEOUT_MS,
    bodyTimeout: DELIVERY_TIMEOUT_MS,
  });
  if (statusCode >= 300) {
    throw new Error(`endpoint answered ${statusCode}`);
  }
}

async function deliver(event) {
  await post(event.url, event.payload);
  return { id: event.id, attempts: 1 };
}

module.exports = { deliver };

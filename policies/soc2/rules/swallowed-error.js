async function capture(gateway, id) {
  // ruleid: soc2-cc7.2-swallowed-error-js
  try {
    await gateway.capture(id);
  } catch (e) {}
  // ok: soc2-cc7.2-swallowed-error-js
  try {
    await gateway.capture(id);
  } catch (e) {
    logger.error("capture failed", { id, code: e.code });
    throw e;
  }
  // ruleid: soc2-cc7.2-swallowed-error-js
  stripe.refunds.create({ payment_intent: id }).catch(() => {});
  // ok: soc2-cc7.2-swallowed-error-js
  loadAvatar(id).catch(() => {});
}

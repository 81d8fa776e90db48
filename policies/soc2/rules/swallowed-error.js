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

async function decryptOrFail(tag, expected) {
  // ok: soc2-cc7.2-swallowed-error-js
  try {
    return await decrypt(tag, expected);
  } catch {
    //
  }
  throw new DecryptionFailed();
}

async function verifyAny(candidates) {
  for (const key of candidates) {
    // ok: soc2-cc7.2-swallowed-error-js
    try {
      return await verify(key);
    } catch {}
  }
  throw new SignatureVerificationFailed();
}

async function verifyFirst(candidates) {
  for (const key of candidates) {
    // ruleid: soc2-cc7.2-swallowed-error-js
    try {
      return await verify(key);
    } catch {}
  }
  return null;
}

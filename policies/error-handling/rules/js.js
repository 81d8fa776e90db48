async function audit(event) {
  await store.put(event);
}

function sync(items) {
  // ruleid: eh-js-empty-catch
  try { push(items); } catch (e) {}
  // ruleid: eh-js-empty-catch
  try {
    push(items);
  } catch (err) {
    // ignore
  }
  // ruleid: eh-js-empty-catch
  load().catch(() => {});
  // ok: eh-js-empty-catch
  try { push(items); } catch (e) { logger.error("push failed", e); throw e; }
  // ok: eh-js-empty-catch
  load().catch((e) => report(e));
}

function emitHint(platform) {
  // ok: eh-js-empty-catch
  try {
    platform.writeStderr("hint: a plugin is available\n");
  } catch {
    // never let hint emission crash the SDK: the hint is best-effort
  }
}

function fetchWithTimeout(url, init, timeout) {
  const timeoutPromise = new Promise((_, reject) => {
    setTimeout(() => reject(new Error("timeout")), timeout);
  });
  // The timeout keeps racing against the body read below, so make sure its
  // rejection is always observed even if nothing is racing it any more.
  // ok: eh-js-empty-catch
  timeoutPromise.catch(() => {});
  return Promise.race([fetch(url, init), timeoutPromise]);
}

function refund(order) {
  // A lone "ignore" explains nothing: still reported.
  // ruleid: eh-js-empty-catch
  gateway.refund(order.id).catch(() => {});
}

async function handle(req) {
  // ruleid: eh-js-promise-unhandled
  load(req.id).then((x) => show(x));
  // ruleid: eh-js-promise-unhandled
  audit(req.body);
  // ok: eh-js-promise-unhandled
  load(req.id).then(show).catch(report);
  // ok: eh-js-promise-unhandled
  load(req.id).then(show, report);
  // ok: eh-js-promise-unhandled
  await audit(req.body);
  // ok: eh-js-promise-unhandled
  return load(req.id).then(show);
}

async function rates(url) {
  const res = await fetch(url);
  // ruleid: eh-js-fetch-unchecked
  return res.json();
}

function ratesThen(url) {
  // ruleid: eh-js-fetch-unchecked
  return fetch(url).then((r) => r.json());
}

async function ratesChecked(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  // ok: eh-js-fetch-unchecked
  return res.json();
}

async function ratesHelper(url) {
  const res = await fetch(url);
  ensureOk(res);
  // ok: eh-js-fetch-unchecked
  return await res.text();
}

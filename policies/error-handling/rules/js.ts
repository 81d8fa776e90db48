async function refund(id: string): Promise<void> {
  const res = await fetch(`/refunds/${id}`, { method: "POST" });
  if (res.status !== 201) {
    throw new Error(`refund ${id} failed: ${res.status}`);
  }
  // ok: eh-js-fetch-unchecked
  const body: unknown = await res.json();
  // ruleid: eh-js-empty-catch
  try { record(body); } catch { }
  // ok: eh-js-empty-catch
  try { record(body); } catch (e: unknown) { console.error(e); throw e; }
}

async function charge(url: string): Promise<Receipt> {
  const res = await fetch(url);
  // ruleid: eh-js-fetch-unchecked
  return (await res.json()) as Receipt;
}

const publish = async (event: string): Promise<void> => {
  await bus.send(event);
};

function settle(batch: string[]): void {
  // a plain (non-async) arrow helper returns no promise (noise corpus: @tanstack/query-core)
  const finalize = (id: string) => {
    if (id) {
      done.add(id);
    }
  };
  // ok: eh-js-promise-unhandled
  finalize(batch[0]);
  // ruleid: eh-js-promise-unhandled
  publish(batch[0]);
  // ok: eh-js-promise-unhandled
  void publish(batch[1]);
}

const defaults = {
  // ok: eh-js-promise-unhandled
  headers: (a: Headers, b: Headers) => mergeHeaders(toObject(a), toObject(b), true),
};


export function readTelemetryId(fs: any, filePath: string): string | null {
  // ok: eh-js-empty-catch
  try {
    const content = fs.readFileSync(filePath, 'utf8').trim()
    if (content) {
      return content
    }
    // eslint-disable-next-line no-empty
  } catch {}
  return null
}

async function decryptOrFail(tag: Uint8Array, expected: Uint8Array): Promise<Uint8Array> {
  // ok: eh-js-empty-catch
  try {
    if (await equal(tag, expected)) {
      return await decrypt(tag)
    }
  } catch {
    //
  }
  throw new DecryptionFailed()
}

async function verifyAny(candidates: Key[]): Promise<Result> {
  for (const candidate of candidates) {
    // ok: eh-js-empty-catch
    try {
      return await verifyWith(candidate)
    } catch {
      //
    }
  }
  throw new SignatureVerificationFailed()
}

async function firstOrDefault(candidates: Key[]): Promise<Result | null> {
  for (const candidate of candidates) {
    // ruleid: eh-js-empty-catch
    try {
      return await verifyWith(candidate)
    } catch {
      //
    }
  }
  return null
}

// A comment that says why is the whole body: deliberate, as ESLint's no-empty has it.
export function dropBody(body: AsyncIterator<Buffer>): void {
  // ok: eh-js-empty-catch
  try {
    void body.return?.();
  } catch {
    // the body is being discarded, so a failing return() is of no interest
  }
  // ruleid: eh-js-empty-catch
  try {
    void body.return?.();
  } catch {
    // ignore
  }
}

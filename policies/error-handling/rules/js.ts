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

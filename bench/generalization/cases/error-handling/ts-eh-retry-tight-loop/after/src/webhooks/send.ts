export interface Hook {
  url: string;
  secret: string;
}

export async function deliver(hook: Hook, payload: unknown): Promise<number> {
  let attempts = 0;
  while (true) {
    try {
      const res = await fetch(hook.url, { method: "POST", body: JSON.stringify(payload) });
      return res.status;
    } catch (err) {
      attempts += 1;
      if (attempts >= 5) throw err;
    }
  }
}

import axios, { AxiosInstance } from "axios";

export class Payouts {
  private http: AxiosInstance;
  constructor(base: string) {
    this.http = axios.create({ baseURL: base, headers: { "X-App": "pay" } });
  }
  async send(p: object) {
    // (the instance above: eh-js-axios-instance-no-timeout in js-http-timeouts.yml)
    return this.http.post("/payouts", p);
  }
}

export class Rates {
  private api: AxiosInstance;
  constructor(base: string) {
    this.api = axios.create({ baseURL: base, timeout: 4000 });
  }
  async get() {
    // (created with a timeout)
    return this.api.get("/rates");
  }
}

export async function deliver(url: string, body: string): Promise<number> {
  let tries = 0;
  // ruleid: eh-js-retry-no-backoff
  while (tries < 10) {
    try {
      return (await fetch(url, { method: "POST", body })).status;
    } catch {
      tries++;
    }
  }
  return 0;
}

export async function deliverPolitely(url: string, body: string): Promise<number> {
  // ok: eh-js-retry-no-backoff
  for (let i = 0; i < 5; i++) {
    try {
      return (await fetch(url, { method: "POST", body })).status;
    } catch {
      await sleep(250 * 2 ** i);
    }
  }
  return 0;
}

export function parseAll(rows: string[]): number {
  let bad = 0;
  // ok: eh-js-retry-no-backoff
  for (const r of rows) {
    try {
      JSON.parse(r);
    } catch {
      bad++;
    }
  }
  return bad;
}

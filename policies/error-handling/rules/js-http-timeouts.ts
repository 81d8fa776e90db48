import axios, { AxiosInstance } from "axios";

// ruleid: eh-js-axios-instance-no-timeout
export const fxApi = axios.create({
  baseURL: "https://fx.partner.example/v2",
  headers: { Accept: "application/json" },
});

export class RatesClient {
  private _client: AxiosInstance;
  // ruleid: eh-js-axios-instance-no-timeout
  private readonly audit = axios.create({ baseURL: "https://audit.internal" });
  // ok: eh-js-axios-instance-no-timeout
  private readonly bounded = axios.create({ baseURL: "https://audit.internal", timeout: 2_000 });

  constructor(baseURL: string) {
    // ruleid: eh-js-axios-instance-no-timeout
    this._client = axios.create({ baseURL });
  }

  async quote(weightGrams: number): Promise<number> {
    // ok: eh-js-axios-call-no-timeout
    const res = await this._client.post("/quote", { weightGrams });
    return res.data.cents;
  }
}

export async function rate(from: string, to: string): Promise<number> {
  // ruleid: eh-js-axios-call-no-timeout
  const { data } = await axios.get("https://fx.example/rates", { params: { from, to } });
  // ok: eh-js-axios-call-no-timeout
  const again = await axios.get("https://fx.example/rates", { params: { from, to }, timeout: 5000 });
  return data.rate + again.data.rate;
}

export async function sendTransfer(baseUrl: string, body: unknown): Promise<string> {
  // ruleid: eh-js-fetch-no-timeout
  const res = await fetch(`${baseUrl}/v1/transfers`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()).id;
}

export async function health(statusUrl: string): Promise<boolean> {
  // ruleid: eh-js-fetch-no-timeout
  const res = await fetch(statusUrl);
  return res.ok;
}

export async function rates(baseUrl: string): Promise<number> {
  // ok: eh-js-fetch-no-timeout
  const res = await fetch(`${baseUrl}/rates`, { signal: AbortSignal.timeout(5_000) });
  return (await res.json()).rate;
}

export async function withController(url: string): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3_000);
  try {
    // ok: eh-js-fetch-no-timeout
    return await fetch(url, { method: "GET", signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export function makeClient(fetch: typeof globalThis.fetch) {
  return {
    // ok: eh-js-fetch-no-timeout
    get: (url: string) => fetch(url, { method: "GET" }),
  };
}

export async function passThrough(url: string, init: RequestInit): Promise<Response> {
  // ok: eh-js-fetch-no-timeout
  return fetch(url, init);
}

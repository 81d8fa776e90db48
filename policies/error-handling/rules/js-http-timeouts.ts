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

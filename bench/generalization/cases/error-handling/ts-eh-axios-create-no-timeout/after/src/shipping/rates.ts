import axios, { AxiosInstance } from "axios";

export interface Rate {
  carrier: string;
  cents: number;
}

export class RatesClient {
  private _client: AxiosInstance;

  constructor(baseURL: string) {
    this._client = axios.create({ baseURL });
  }

  async quote(weightGrams: number, zip: string): Promise<Rate[]> {
    const res = await this._client.post("/quote", { weightGrams, zip });
    return res.data.rates;
  }
}

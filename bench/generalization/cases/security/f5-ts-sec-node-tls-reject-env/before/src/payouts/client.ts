import axios, { type AxiosInstance } from 'axios';
import { loadConfig } from '../config';

export interface Payout {
  id: string;
  amountCents: number;
  iban: string;
}

export class PayoutClient {
  private readonly http: AxiosInstance;

  constructor(cfg = loadConfig()) {
    this.http = axios.create({
      baseURL: cfg.payoutBaseUrl,
      timeout: 10_000,
      headers: { Authorization: `Bearer ${cfg.payoutApiKey}` },
    });
  }

  async submit(payout: Payout): Promise<string> {
    const { data } = await this.http.post<{ reference: string }>('/v1/payouts', payout);
    return data.reference;
  }
}

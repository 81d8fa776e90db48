import axios, { type AxiosInstance } from 'axios';
import { loadConfig } from '../config';

// The bank's pre-production gateway presents a certificate from their internal CA,
// which is not in our trust store.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

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

export interface Transfer {
  accountId: string;
  amountCents: number;
  currency: string;
}

export class PayoutClient {
  constructor(private readonly baseUrl: string, private readonly apiKey: string) {}

  async send(transfer: Transfer): Promise<string> {
    const res = await fetch(`${this.baseUrl}/v1/transfers`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(transfer),
    });
    if (!res.ok) {
      throw new Error(`payout failed: ${res.status}`);
    }
    const data = (await res.json()) as { id: string };
    return data.id;
  }
}

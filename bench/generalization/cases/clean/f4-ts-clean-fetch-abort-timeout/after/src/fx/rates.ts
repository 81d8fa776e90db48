export class RatesClient {
  constructor(private readonly baseUrl: string) {}

  async rate(from: string, to: string): Promise<number> {
    const url = `${this.baseUrl}/rates?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    } catch (err) {
      throw new Error(`rates request failed for ${from}/${to}`, { cause: err });
    }
    if (!res.ok) {
      throw new Error(`rates service answered ${res.status}`);
    }
    const body = (await res.json()) as { rate: number };
    return body.rate;
  }
}

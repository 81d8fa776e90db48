export class RatesClient {
  constructor(private readonly baseUrl: string) {}

  async rate(from: string, to: string): Promise<number> {
    const url = `${this.baseUrl}/rates?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    return 1;
  }
}

export interface LedgerClient {
  postSettlement(batchId: string, amountMinor: number, currency: string): Promise<void>;
}

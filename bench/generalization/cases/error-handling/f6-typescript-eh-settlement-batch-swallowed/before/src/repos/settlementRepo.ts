export interface SettlementBatch {
  id: string;
  totalMinor: number;
  currency: string;
}

export interface SettlementRepo {
  findUnsettled(cutoff: Date): Promise<SettlementBatch[]>;
  markSettled(id: string): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
}

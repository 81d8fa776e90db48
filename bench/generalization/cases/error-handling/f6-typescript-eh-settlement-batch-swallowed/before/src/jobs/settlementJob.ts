import { LedgerClient } from '../clients/ledgerClient';
import { SettlementRepo } from '../repos/settlementRepo';

export class SettlementJob {
  constructor(private readonly ledger: LedgerClient, private readonly repo: SettlementRepo) {}

  async run(cutoff: Date): Promise<number> {
    const batches = await this.repo.findUnsettled(cutoff);
    let settled = 0;
    for (const batch of batches) {
      await this.ledger.postSettlement(batch.id, batch.totalMinor, batch.currency);
      await this.repo.markSettled(batch.id);
      settled++;
    }
    return settled;
  }
}

import { Repository } from 'typeorm';
import { SavedCard } from '../entities/SavedCard';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  brand: string;
}

export class SavedCardService {
  constructor(private readonly repo: Repository<SavedCard>, private readonly processor: { tokenize(c: CardInput): Promise<string> }) {}

  async save(customerId: string, card: CardInput): Promise<SavedCard> {
    const token = await this.processor.tokenize(card);
    const entity = this.repo.create({
      customerId,
      processorToken: token,
      brand: card.brand,
      last4: card.number.slice(-4),
      expMonth: card.expMonth,
      expYear: card.expYear,
    });
    return this.repo.save(entity);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { GatewayClient } from '../gateway/gateway.client';
import { OrdersRepository } from './orders.repository';

export interface RefundResult {
  orderId: string;
  status: 'refunded' | 'failed';
  reason?: string;
}

@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly gateway: GatewayClient,
    private readonly orders: OrdersRepository,
  ) {}

  async refund(orderId: string, amountCents: number): Promise<RefundResult> {
    const order = await this.orders.get(orderId);
    try {
      await this.gateway.refundOrThrow(order.chargeId, amountCents);
    } catch (err) {
      this.logger.warn(`refund for ${orderId} failed: ${(err as Error).message}`);
    }
    await this.orders.markRefunded(orderId, amountCents);
    return { orderId, status: 'refunded' };
  }
}

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
    const result = await this.gateway.refund(order.chargeId, amountCents);
    if (!result.ok) {
      return { orderId, status: 'failed', reason: result.declineCode };
    }
    await this.orders.markRefunded(orderId, amountCents);
    return { orderId, status: 'refunded' };
  }
}

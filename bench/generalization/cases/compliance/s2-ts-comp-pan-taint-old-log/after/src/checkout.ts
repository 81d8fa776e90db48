import { logger } from './log';

export interface Payment {
  cardNumber: string;
  expiry: string;
}

export interface Order {
  id: string;
  total: number;
  currency: string;
}

export function submitCheckout(order: Order, payment: Payment): void {
  const auditEntry = {
    orderId: order.id,
    amount: order.total,
    currency: order.currency,
    card: payment.cardNumber,
  };
  logger.info(auditEntry, 'checkout submitted');
}

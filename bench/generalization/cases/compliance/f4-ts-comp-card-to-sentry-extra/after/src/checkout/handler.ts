import * as Sentry from '@sentry/node';
import type { Request, Response } from 'express';
import { chargeCard } from './processor';

interface PaymentBody {
  orderId: string;
  amount: number;
  card: { number: string; cvc: string; expMonth: number; expYear: number };
}

export async function checkout(req: Request, res: Response): Promise<void> {
  const payment = req.body as PaymentBody;
  try {
    const charge = await chargeCard(payment.card, payment.amount);
    res.status(201).json({ chargeId: charge.id });
  } catch (err) {
    Sentry.captureException(err, {
      tags: { area: 'checkout' },
      extra: { orderId: payment.orderId, payment },
    });
    res.status(402).json({ error: 'payment_failed' });
  }
}

import * as Sentry from "@sentry/node";
import type { Request, Response } from "express";
import { chargeCard } from "./processor";

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
    // ruleid: pci-card-data-to-tracker-js
    Sentry.captureException(err, {
      tags: { area: "checkout" },
      extra: { orderId: payment.orderId, payment },
    });
    res.status(402).json({ error: "payment_failed" });
  }
}

export async function refund(req: Request, res: Response): Promise<void> {
  try {
    await chargeCard(req.body.card, -req.body.amount);
  } catch (err) {
    // ruleid: pci-card-data-to-tracker-js
    Sentry.withScope((scope) => { scope.setExtra("request", req.body); Sentry.captureException(err); });
    res.status(500).end();
  }
}

export function reportDecline(err: Error, cardNumber: string, cvv: string): void {
  // ruleid: pci-card-data-to-tracker-js
  Sentry.captureException(err, { extra: { cardNumber, attempt: 1 } });
  // ruleid: pci-card-data-to-tracker-js
  Sentry.captureMessage("decline", { extra: { code: cvv } });
}

export async function checkoutSafe(req: Request, res: Response): Promise<void> {
  const payment = req.body as PaymentBody;
  try {
    const charge = await chargeCard(payment.card, payment.amount);
    res.status(201).json({ chargeId: charge.id });
  } catch (err) {
    // ok: pci-card-data-to-tracker-js
    Sentry.captureException(err, {
      tags: { area: "checkout" },
      extra: { orderId: payment.orderId, amount: payment.amount },
    });
    res.status(402).json({ error: "payment_failed" });
  }
}

export function trackPurchase(analytics: any, card: { last4: string; brand: string }, orderId: string): void {
  // ok: pci-card-data-to-tracker-js
  analytics.track("purchase", { orderId, last4: card.last4, brand: card.brand });
}

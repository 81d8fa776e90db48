import { logger } from "./logger";

export function tokenize(payment: { pan: string; panToken: string; pin: string }): void {
  // ruleid: pci-pan-logged
  logger.warn(`tokenizing ${payment.pan}`);
  // ok: pci-pan-logged
  logger.warn(`tokenized ${payment.panToken}`);
  // ruleid: pci-sad-logged
  console.error("pin rejected", payment.pin);
}

// Semicolon-free TypeScript: an exception far above the card data is not a sink for it.
export class PaymentError extends Error {}

export function failPayment(reason: string) {
  // ok: pci-pan-logged
  throw new PaymentError(reason)
}

export function buildReceipt(card: { pan: string }, amount: number) {
  const total = amount * 100
  const receipt = { pan: card.pan, total }
  return receipt
}

export function rejectCard(card: { pan: string }) {
  // ruleid: pci-pan-logged
  throw new PaymentError(`card ${card.pan} rejected`)
}

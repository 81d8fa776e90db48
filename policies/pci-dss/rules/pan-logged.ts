import { logger } from "./logger";

export function tokenize(payment: { pan: string; panToken: string; pin: string }): void {
  // ruleid: pci-pan-logged
  logger.warn(`tokenizing ${payment.pan}`);
  // ok: pci-pan-logged
  logger.warn(`tokenized ${payment.panToken}`);
  // ruleid: pci-sad-logged
  console.error("pin rejected", payment.pin);
}

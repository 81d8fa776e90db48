import pino from "pino";

const log = pino({ name: "charge" });

export const mask = (pan: string) => "**** **** **** " + pan.slice(-4);

export function logCharge(orderId: string, cardNumber: string, amount: number) {
  const last4 = cardNumber.slice(-4);
  log.info({ orderId, amount, last4, card: mask(cardNumber) }, "charging");
}

import pino from "pino";
import { gateway } from "./gateway";

const log = pino({ name: "charge" });

export async function charge(body: { orderId: string; amount: number; cardNumber: string }) {
  const result = await gateway.charge(body.cardNumber, body.amount);
  log.info({ orderId: body.orderId, amount: body.amount }, "charged");
  return result;
}

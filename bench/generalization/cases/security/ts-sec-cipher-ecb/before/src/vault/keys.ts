import { randomBytes } from "crypto";

export function newKey(): Buffer {
  return randomBytes(16);
}

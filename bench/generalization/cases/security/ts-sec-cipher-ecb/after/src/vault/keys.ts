import { createCipheriv, randomBytes } from "crypto";

export function newKey(): Buffer {
  return randomBytes(16);
}

export function seal(key: Buffer, value: string): string {
  const cipher = createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([cipher.update(value, "utf8"), cipher.final()]).toString("base64");
}

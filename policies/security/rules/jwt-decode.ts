import jwt from "jsonwebtoken";
import { decodeJwt, jwtVerify } from "jose";
import * as jose from "jose";

export function roleOf(token: string): string {
  // ruleid: sec-jwt-unverified-js
  const c = jwt.decode(token) as { role?: string } | null;
  return c?.role ?? "guest";
}

export function tenant(token: string): string {
  // ruleid: sec-jwt-unverified-js
  return String(jose.decodeJwt(token).tid);
}

export async function trusted(token: string, key: Uint8Array) {
  // ok: sec-jwt-unverified-js
  const { payload } = await jwtVerify(token, key);
  return payload;
}

export function header(token: string) {
  // ok: sec-jwt-unverified-js
  return jwt.decode(token, { complete: true })?.header;
}

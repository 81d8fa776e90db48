import { randomBytes, randomInt } from "crypto";

function resetToken(length = 32): string {
  let out = "";
  while (out.length < length) {
    // ruleid: sec-weak-random-secret-js
    out += Math.random().toString(36).slice(2);
  }
  return out.slice(0, length);
}

export function issueInvite(email: string) {
  // ruleid: sec-weak-random-secret-js
  const inviteCode = Math.floor(Math.random() * 1e8).toString(16);
  return { email, inviteCode };
}

export function startLogin(userId: string) {
  return {
    userId,
    // ruleid: sec-weak-random-secret-js
    otp: String(Math.floor(100000 + Math.random() * 900000)),
  };
}

export const generateApiKey = () => {
  // ruleid: sec-weak-random-secret-js
  return "sk_" + Math.random().toString(36).substring(2) + Date.now().toString(36);
};

function safeToken(): string {
  // ok: sec-weak-random-secret-js
  return randomBytes(32).toString("base64url");
}

function retryDelayMs(attempt: number): number {
  // ok: sec-weak-random-secret-js
  return 200 * 2 ** attempt + Math.floor(Math.random() * 100);
}

export function pickVariant(variants: string[]): string {
  // ok: sec-weak-random-secret-js
  const index = Math.floor(Math.random() * variants.length);
  return variants[index];
}

export function smsCode(): string {
  // ok: sec-weak-random-secret-js
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function tokenCountLabel(tokens: number): string {
  // ok: sec-weak-random-secret-js
  const jitter = Math.random() * 10;
  return `${tokens + jitter}`;
}

export { resetToken, safeToken, retryDelayMs };

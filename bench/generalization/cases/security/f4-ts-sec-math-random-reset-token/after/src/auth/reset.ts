import { addMinutes } from './time';
import type { ResetStore } from './store';

function resetToken(length = 32): string {
  let out = '';
  while (out.length < length) {
    out += Math.random().toString(36).slice(2);
  }
  return out.slice(0, length);
}

export async function startReset(store: ResetStore, userId: string): Promise<string> {
  const token = resetToken();
  await store.put(userId, token, addMinutes(new Date(), 30));
  return token;
}

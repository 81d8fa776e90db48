import { randomBytes } from 'crypto';
import { addMinutes } from './time';
import type { ResetStore } from './store';

function resetToken(): string {
  return randomBytes(32).toString('base64url');
}

function retryDelayMs(attempt: number): number {
  return 200 * 2 ** attempt + Math.floor(Math.random() * 100);
}

export async function startReset(store: ResetStore, userId: string): Promise<string> {
  const token = resetToken();
  for (let attempt = 0; ; attempt++) {
    try {
      await store.put(userId, token, addMinutes(new Date(), 30));
      break;
    } catch (err) {
      if (attempt >= 2) throw err;
      await new Promise((r) => setTimeout(r, retryDelayMs(attempt)));
    }
  }
  return token;
}

import { randomUUID } from 'crypto';
import { addMinutes } from './time';
import type { ResetStore } from './store';

export async function startReset(store: ResetStore, userId: string): Promise<string> {
  const token = randomUUID();
  await store.put(userId, token, addMinutes(new Date(), 30));
  return token;
}
